package org.policyclassifier.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Listens to one rule session and keeps, per case, the rules that fired in order and each fact a
 * rule derived together with the rule that derived it: the material of every explanation.
 */
final class FiringRecorder extends DefaultAgendaEventListener {

    /** A fact a rule inserted. */
    record Derived(CaseFact fact, Rule rule) {
    }

    private final Map<String, Set<Rule>> fired = new HashMap<>();
    private final Map<String, List<Derived>> derived = new HashMap<>();

    final RuleRuntimeEventListener insertions = new DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getRule() != null && event.getObject() instanceof CaseFact fact) {
                derived.computeIfAbsent(fact.caseId(), k -> new ArrayList<>()).add(new Derived(fact, event.getRule()));
            }
        }
    };

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        for (Object o : event.getMatch().getObjects()) {
            if (o instanceof CaseFact fact) {
                fired.computeIfAbsent(fact.caseId(), k -> new LinkedHashSet<>()).add(rule);
            }
        }
    }

    Set<Rule> fired(String caseId) {
        return fired.getOrDefault(caseId, Set.of());
    }

    List<Derived> derived(String caseId) {
        return derived.getOrDefault(caseId, List.of());
    }
}
