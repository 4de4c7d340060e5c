package org.policyclassifier.classify;

/** A rule put the case on a policy axis: demand_reduction, supply_reduction, coordination or none. */
public record AxisAssigned(String caseId, String axis) implements CaseFact {
}
