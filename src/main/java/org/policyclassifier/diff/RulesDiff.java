package org.policyclassifier.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Classifier.Outcome;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.rules.RuleInfo;

/** {@code rules diff}: classifies one corpus with two versions of the rules and compares. */
public final class RulesDiff {

    /** The decision fields a change of policy can move; the explanation is compared by the rules that fired. */
    private static final Map<String, Function<Decision, Object>> FIELDS = fields();

    private RulesDiff() {
    }

    public static DiffReport run(Classifier base, Classifier changed, List<CaseRecord> corpus)
            throws InvalidInputException {
        List<Outcome> before = base.classifyAll(corpus);
        List<Outcome> after = changed.classifyAll(corpus);
        Map<String, Map<String, Integer>> transitions = new LinkedHashMap<>();
        List<DiffReport.CaseChange> changes = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < corpus.size(); i++) {
            Decision old = before.get(i).decision();
            Decision now = after.get(i).decision();
            if (old == null || now == null) {
                continue; // a record the vocabulary rejects is rejected by both versions alike
            }
            compared++;
            Map<String, List<Object>> fields = new LinkedHashMap<>();
            FIELDS.forEach((name, value) -> {
                Object o = value.apply(old);
                Object n = value.apply(now);
                if (!Objects.equals(o, n)) {
                    fields.put(name, java.util.Arrays.asList(o, n));
                    transitions.computeIfAbsent(name, k -> new TreeMap<>())
                            .merge(render(o) + " → " + render(n), 1, Integer::sum);
                }
            });
            if (!fields.isEmpty()) {
                Set<String> firedBefore = fired(old);
                Set<String> firedAfter = fired(now);
                changes.add(new DiffReport.CaseChange(corpus.get(i).id() != null ? corpus.get(i).id() : "#" + (i + 1),
                        fields, minus(firedBefore, firedAfter), minus(firedAfter, firedBefore)));
            }
        }
        Map<String, RuleInfo> oldRules = byId(base);
        Map<String, RuleInfo> newRules = byId(changed);
        return new DiffReport(compared, changes.size(), transitions, changes,
                minus(newRules.keySet(), oldRules.keySet()), minus(oldRules.keySet(), newRules.keySet()),
                oldRules.keySet().stream().filter(newRules::containsKey)
                        .filter(id -> !same(oldRules.get(id), newRules.get(id))).sorted().toList());
    }

    private static Map<String, Function<Decision, Object>> fields() {
        Map<String, Function<Decision, Object>> f = new LinkedHashMap<>();
        f.put("axis", Decision::axis);
        f.put("tier", Decision::tier);
        f.put("lead_level", Decision::leadLevel);
        // Sorted: the order of levels and actors is presentation (lead first), not policy. Entities
        // apart from roles, so that a change of role reads as one transition whatever the place.
        f.put("levels", d -> d.levels().stream().map(l -> l.level() + ": " + l.role()).sorted().toList());
        f.put("entities", d -> d.levels().stream().filter(l -> l.entity() != null)
                .map(l -> l.level() + ": " + l.entity()).sorted().toList());
        f.put("actors", d -> d.actors().stream().map(Decision.ActorEntry::name).sorted().toList());
        f.put("coordination", Decision::coordination);
        f.put("flags", Decision::flags);
        return f;
    }

    private static String render(Object value) {
        if (value instanceof List<?> list) {
            return "[" + list.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]";
        }
        return String.valueOf(value);
    }

    private static Set<String> fired(Decision d) {
        return d.explanation().stream().map(Decision.Explanation::rule).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> minus(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).sorted().toList();
    }

    private static Map<String, RuleInfo> byId(Classifier c) {
        Map<String, RuleInfo> map = new LinkedHashMap<>();
        c.rules().rules().forEach(r -> map.put(r.id(), r));
        return map;
    }

    private static boolean same(RuleInfo a, RuleInfo b) {
        return a.name().equals(b.name()) && a.source().equals(b.source()) && Objects.equals(a.note(), b.note())
                && a.text().equals(b.text());
    }
}
