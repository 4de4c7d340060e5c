package org.policyclassifier.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.policyclassifier.rules.RuleInfo;
import org.policyclassifier.rules.RuleSet;

/**
 * Listens to one rule session and keeps, per case, the rules that fired in order and each fact a
 * rule derived together with the rule that derived it: the material of every explanation.
 * It runs for every firing and every insertion of a session, so it does as little as it can: one
 * trace per case made before the session, the rule's metadata looked up once per run of firings
 * of one rule (the engine fires a rule's matches one after another).
 */
final class FiringRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** A fact a rule inserted. */
    record Derived(CaseFact fact, RuleInfo rule) {
    }

    /** What the rules did for one case. */
    static final class Trace {
        /** Each rule once, in the order it first fired for the case. */
        final List<RuleInfo> fired = new ArrayList<>(16);
        final List<Derived> derived = new ArrayList<>(16);

        private void fired(RuleInfo rule) {
            for (int i = fired.size() - 1; i >= 0; i--) {
                if (fired.get(i) == rule) {
                    return;
                }
            }
            fired.add(rule);
        }
    }

    private final RuleSet rules;
    private final Map<String, Trace> byCase;
    private final Trace[] traces;
    private Rule lastRule;
    private RuleInfo lastInfo;

    /** A recorder for a session over {@code cases} (ids unique among them). */
    FiringRecorder(RuleSet rules, List<Case> cases) {
        this.rules = rules;
        this.byCase = new HashMap<>(cases.size() * 2);
        this.traces = new Trace[cases.size()];
        for (int i = 0; i < traces.length; i++) {
            traces[i] = byCase.computeIfAbsent(cases.get(i).caseId(), k -> new Trace());
        }
    }

    /** The trace of the {@code i}th case given to the constructor. */
    Trace trace(int i) {
        return traces[i];
    }

    private RuleInfo info(Rule rule) {
        if (rule != lastRule) {
            lastInfo = rules.info(rule);
            lastRule = rule;
        }
        return lastInfo;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        RuleInfo rule = info(event.getMatch().getRule());
        String previous = null;
        for (Object o : event.getMatch().getObjects()) {
            // The facts of one match mostly belong to one case: its id is one and the same string.
            if (o instanceof CaseFact fact && fact.caseId() != previous) {
                previous = fact.caseId();
                Trace trace = byCase.get(previous);
                if (trace != null) {
                    trace.fired(rule);
                }
            }
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null && event.getObject() instanceof CaseFact fact) {
            Trace trace = byCase.get(fact.caseId());
            if (trace != null) {
                trace.derived.add(new Derived(fact, info(event.getRule())));
            }
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Rules derive new facts; they never change one.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Nothing derived is taken back.
    }
}
