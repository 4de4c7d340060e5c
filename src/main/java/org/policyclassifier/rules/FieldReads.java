package org.policyclassifier.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;

/**
 * What the rules read of each field of a fact record (the engine's case), from Drools' own parse of every rule: the
 * patterns on {@code Case} ({@code PatternDescr}), each constraint as Drools' DRLX parser reads
 * it, and each action as JavaParser reads it. The compiled rules cannot tell it: the executable
 * model keeps a constraint as a lambda and a binding as a function, without the field's name.
 *
 * <p>A field is <em>compared</em> when a condition uses its value (a comparison, a call, a
 * binding used by another condition, an action that does more than concatenate it); <em>copied</em>
 * when rules only bind it and concatenate it into their conclusions' texts or pass it to a flag's
 * wording as a parameter, then only under the
 * pattern's tests of the form {@code field == "text"} and {@code field != null} (its <em>guard</em>:
 * a test of another form is left out of it, which makes the guard hold more often, never less);
 * else unread, but for {@code field != null}, which reads whether it is null. A copied value counts
 * by its value where the guard holds, so an action that tests a text it concatenated
 * ({@code ("x" + $m).equals(...)}) reads nothing unseen; a constraint that hands {@code this} on
 * reads every field.
 */
public final class FieldReads {

    /** How the rules read a field, from least to most. */
    public enum Read { UNREAD, NULL_TESTED, COPIED, COMPARED }

    /** A test of a guard: {@code field == literal}, or {@code field != null} when {@code literal} is null. */
    public record Test(String field, String literal) {
    }

    private final List<String> fields;
    private final Map<String, Read> reads;
    /** Per copied field, the guards of the patterns that bind it: its value reaches a conclusion only where one holds. */
    private final Map<String, List<List<Test>>> guards;

    private FieldReads(List<String> fields, Map<String, Read> reads, Map<String, List<List<Test>>> guards) {
        this.fields = fields;
        this.reads = reads;
        this.guards = guards;
    }

    /** How the rules read {@code field}. */
    public Read read(String field) {
        return reads.getOrDefault(field, Read.UNREAD);
    }

    /** The guards under which a copied field's value reaches a conclusion (empty for other fields). */
    public List<List<Test>> guards(String field) {
        return guards.getOrDefault(field, List.of());
    }

    /** {@code compared: kind, subject; copied: municipality; null-tested: ...}, for {@code rules check}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Read r : List.of(Read.COMPARED, Read.COPIED, Read.NULL_TESTED, Read.UNREAD)) {
            String named = fields.stream().filter(f -> read(f) == r).collect(Collectors.joining(", "));
            if (!named.isEmpty()) {
                parts.add(r.name().toLowerCase().replace('_', '-') + ": " + named);
            }
        }
        return String.join("; ", parts);
    }

    /** The fields of the fact record, in order. */
    public List<String> fields() {
        return fields;
    }

    /**
     * What the rules of {@code drlFiles} (decision tables as generated) read of the fields of
     * {@code fact}, the record their patterns match by its simple or full name.
     */
    static FieldReads of(Collection<String> drlFiles, Class<? extends Record> fact) {
        Walk walk = new Walk(fact);
        for (String drl : drlFiles) {
            PackageDescr pkg = parse(drl);
            if (pkg == null) {
                walk.fields.forEach(f -> walk.raise(f, Read.COMPARED)); // unreadable: everything counts as read
                continue;
            }
            pkg.getRules().forEach(walk::rule);
        }
        walk.reads.remove("caseId"); // the session's handle on the case, not part of what is decided
        return new FieldReads(walk.fields, Map.copyOf(walk.reads), Map.copyOf(walk.guards));
    }

    private static PackageDescr parse(String drl) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, drl);
            return parser.hasErrors() ? null : pkg;
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    /** Walks rules, collecting reads. */
    private static final class Walk {
        private final Map<String, Read> reads = new LinkedHashMap<>();
        private final Map<String, List<List<Test>>> guards = new HashMap<>();
        private final MvelParser drlx = new MvelParser();
        private final JavaParser java = new JavaParser();
        private final Class<? extends Record> fact;
        private final List<String> fields;

        Walk(Class<? extends Record> fact) {
            this.fact = fact;
            this.fields = Arrays.stream(fact.getRecordComponents()).map(RecordComponent::getName).toList();
        }

        void raise(String field, Read read) {
            reads.merge(field, read, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }

        void rule(RuleDescr rule) {
            Map<String, String> fieldOf = new HashMap<>(); // binding -> field of Case
            Map<String, List<Test>> guardOf = new HashMap<>();
            Set<String> wholeCase = new HashSet<>(); // bindings of a whole Case
            List<String> otherConditions = new ArrayList<>();
            conditions(rule.getLhs(), fieldOf, guardOf, wholeCase, otherConditions);
            Set<String> usedElsewhere = new HashSet<>();
            // Drools' DRLX nodes keep some operands outside JavaParser's tree: a binding is looked for among the names of the condition's text.
            otherConditions.forEach(e -> usedElsewhere.addAll(Arrays.asList(e.split("[^$\\w]+"))));
            Set<String> copied = new HashSet<>();
            Set<String> compared = new HashSet<>();
            Object consequence = rule.getConsequence();
            ParseResult<BlockStmt> action = java.parseBlock("{" + (consequence == null ? "" : consequence) + "\n}");
            if (!action.isSuccessful() || action.getResult().isEmpty()) {
                compared.addAll(fieldOf.keySet());
                compared.addAll(wholeCase);
            } else {
                for (NameExpr n : action.getResult().get().findAll(NameExpr.class)) {
                    String name = n.getNameAsString();
                    if (wholeCase.contains(name) && n.getParentNode().orElse(null) instanceof MethodCallExpr call
                            && call.getArguments().isEmpty() && fields.contains(call.getNameAsString())) {
                        raise(call.getNameAsString(), Read.COMPARED); // $c.caseId(): one field, read by value
                        continue;
                    }
                    (concatenated(n) ? copied : compared).add(name);
                }
            }
            for (String whole : wholeCase) {
                if (compared.contains(whole) || copied.contains(whole) || usedElsewhere.contains(whole)) {
                    fields.forEach(f -> raise(f, Read.COMPARED)); // the case itself, read as a whole
                }
            }
            fieldOf.forEach((binding, field) -> {
                if (compared.contains(binding) || usedElsewhere.contains(binding)) {
                    raise(field, Read.COMPARED);
                } else if (copied.contains(binding)) {
                    raise(field, Read.COPIED);
                    guards.computeIfAbsent(field, f -> new ArrayList<>()).add(guardOf.get(binding));
                }
            });
        }

        /**
         * An operand of a string concatenation, or a parameter of a flag's wording (an argument of
         * {@code new Flag(...)} after its id), and nothing more: either only reaches a text.
         */
        private static boolean concatenated(NameExpr n) {
            Node parent = n.getParentNode().orElse(null);
            return parent instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                    || parent instanceof ObjectCreationExpr flag && flag.getType().getNameAsString().equals("Flag")
                            && flag.getArguments().indexOf(n) >= FLAG_PARAMETERS;
        }

        /** Where the parameters of {@code new Flag(caseId, code, detail, name, value, ...)} start. */
        private static final int FLAG_PARAMETERS = 3;

        private void conditions(BaseDescr descr, Map<String, String> fieldOf, Map<String, List<Test>> guardOf,
                Set<String> wholeCase, List<String> other) {
            if (descr instanceof ConditionalElementDescr ce) {
                for (BaseDescr d : ce.getDescrs()) {
                    conditions(d, fieldOf, guardOf, wholeCase, other);
                }
            } else if (descr instanceof PatternDescr pattern) {
                if (pattern.getSource() != null || !isCase(pattern.getObjectType())) {
                    pattern.getDescrs().forEach(d -> other.add(text(d)));
                    if (pattern.getSource() != null) {
                        conditions(pattern.getSource(), fieldOf, guardOf, wholeCase, other);
                    }
                    return;
                }
                if (pattern.getIdentifier() != null) {
                    wholeCase.add(pattern.getIdentifier());
                }
                casePattern(pattern, fieldOf, guardOf, other);
            } else if (descr instanceof EvalDescr eval) {
                other.add(String.valueOf(eval.getContent()));
            } else if (descr != null) {
                fields.forEach(f -> raise(f, Read.COMPARED)); // a condition of a kind not walked
            }
        }

        /** A pattern on Case: what each constraint reads, and its guard for the fields it binds. */
        private void casePattern(PatternDescr pattern, Map<String, String> fieldOf, Map<String, List<Test>> guardOf,
                List<String> other) {
            List<Test> guard = new ArrayList<>();
            List<String> bindings = new ArrayList<>();
            for (BaseDescr d : pattern.getDescrs()) {
                Expression e = expression(d);
                String bind = e instanceof DrlxExpression x && x.getBind() != null ? x.getBind().asString() : null;
                Expression test = e instanceof DrlxExpression x ? x.getExpr() : e;
                while (test instanceof EnclosedExpr enclosed) {
                    test = enclosed.getInner();
                }
                String alone = field(test);
                if (bind != null && alone != null) {
                    fieldOf.put(bind, alone); // $x : field
                    bindings.add(bind);
                    continue;
                }
                if (test instanceof BinaryExpr b && field(b.getLeft()) != null) {
                    String f = field(b.getLeft());
                    if (b.getOperator() == BinaryExpr.Operator.NOT_EQUALS && b.getRight() instanceof NullLiteralExpr) {
                        raise(f, Read.NULL_TESTED);
                        guard.add(new Test(f, null));
                        if (bind != null) {
                            fieldOf.put(bind, f); // $x : field != null
                            bindings.add(bind);
                        }
                        continue;
                    }
                    if (b.getOperator() == BinaryExpr.Operator.EQUALS && b.getRight() instanceof StringLiteralExpr s) {
                        guard.add(new Test(f, s.getValue()));
                    }
                }
                other.add(text(d)); // a binding it names is used by a condition
                List<String> named = names(test);
                if (named.isEmpty() || wholeFact(test)) {
                    fields.forEach(f -> raise(f, Read.COMPARED)); // a form whose fields this walk cannot see
                }
                named.stream().filter(fields::contains).forEach(f -> raise(f, Read.COMPARED));
                if (bind != null) {
                    fields.forEach(f -> raise(f, Read.COMPARED)); // a binding of a computed value
                }
            }
            List<Test> fixed = List.copyOf(guard);
            bindings.forEach(b -> guardOf.put(b, fixed));
        }

        /**
         * The names an expression uses; DRLX's own operators ({@code contains}, {@code memberOf})
         * keep their operands outside JavaParser's tree, so they are walked by hand.
         */
        private static List<String> names(Node e) {
            List<String> names = new ArrayList<>();
            if (e instanceof PointFreeExpr p) {
                names.addAll(names(p.getLeft()));
                p.getRight().forEach(r -> names.addAll(names(r)));
            } else if (e instanceof HalfPointFreeExpr h) {
                h.getRight().forEach(r -> names.addAll(names(r)));
            } else if (e instanceof NameExpr n) {
                names.add(n.getNameAsString());
            } else if (e instanceof MethodCallExpr call && call.getArguments().isEmpty()
                    && call.getScope().map(ThisExpr.class::isInstance).orElse(true)) {
                names.add(call.getNameAsString()); // municipality(), this.municipality(): a field read through its accessor
            } else if (e instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
                names.add(access.getNameAsString()); // this.municipality
            }
            e.getChildNodes().forEach(c -> names.addAll(names(c)));
            return names;
        }

        /**
         * Whether an expression hands the fact itself on ({@code inGhent(this)}): {@code this} other
         * than before one of its fields or accessors.
         */
        private static boolean wholeFact(Node e) {
            for (ThisExpr self : e.findAll(ThisExpr.class)) {
                Node parent = self.getParentNode().orElse(null);
                boolean ofField = parent instanceof FieldAccessExpr
                        || parent instanceof MethodCallExpr call && call.getArguments().isEmpty()
                                && call.getScope().orElse(null) == self;
                if (!ofField) {
                    return true;
                }
            }
            return false;
        }

        private String field(Expression e) {
            return e instanceof NameExpr n && fields.contains(n.getNameAsString()) ? n.getNameAsString() : null;
        }

        private static String text(BaseDescr d) {
            return d instanceof ExprConstraintDescr e ? e.getExpression() : String.valueOf(d.getText());
        }

        private Expression expression(BaseDescr d) {
            return d instanceof ExprConstraintDescr e ? parse(e.getExpression()) : parse(d.getText());
        }

        /** A constraint as Drools' DRLX parser reads it; unreadable, it reads every field. */
        private Expression parse(String text) {
            ParseResult<DrlxExpression> parsed = drlx.parse(DrlxParser.buildDrlxParserWithArguments(List.of()),
                    org.drools.mvel.parser.Providers.provider(text == null ? "" : text));
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                fields.forEach(f -> raise(f, Read.COMPARED));
                return new NullLiteralExpr();
            }
            return parsed.getResult().get();
        }

        private boolean isCase(String type) {
            return type != null && (type.equals(fact.getSimpleName()) || type.equals(fact.getName()));
        }
    }
}
