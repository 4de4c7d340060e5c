package org.policyclassifier.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.mvel.parser.DrlxParser;
import org.drools.mvel.parser.MvelParser;
import org.drools.mvel.parser.ast.expr.BigDecimalLiteralExpr;
import org.drools.mvel.parser.ast.expr.BigIntegerLiteralExpr;
import org.drools.mvel.parser.ast.expr.DrlxExpression;
import org.drools.mvel.parser.ast.expr.HalfBinaryExpr;
import org.drools.mvel.parser.ast.expr.HalfPointFreeExpr;
import org.drools.mvel.parser.ast.expr.InlineCastExpr;
import org.drools.mvel.parser.ast.expr.NullSafeFieldAccessExpr;
import org.drools.mvel.parser.ast.expr.NullSafeMethodCallExpr;
import org.drools.mvel.parser.ast.expr.PointFreeExpr;
import org.drools.mvel.parser.printer.PrintUtil;
import org.policyclassifier.errors.Problem;

/**
 * What a rule file may do, checked on its text before any of it is compiled or run: a policy rule
 * decides, so its action inserts, updates or deletes facts of the engine's own types (the records
 * of {@link FactTypes#FACT_PACKAGES}), built from its bindings, literals, text and the reads below;
 * its conditions, its functions and the queries of the file read facts the same way. Everything
 * else (loops, recursion, {@code System}, {@code Runtime}, reflection, threads, files, the engine's
 * own controls, imports from elsewhere) is refused at its line. Such code would run with the
 * program's rights: on every {@code rules check}, every command and the server's reload, and
 * Drools evaluates rule metadata and dynamic salience as code too. With no loop, no recursion and
 * a bounded number of function calls, every condition and action ends; the engine bounds the
 * number of firings (see {@link RuleSet#fire}).
 *
 * <p>Read with Drools' own DRL parser and JavaParser (the one Drools ships); a file the DRL parser
 * cannot read is left to the compiler, which reports its syntax errors and compiles nothing.
 */
final class ActionCheck {

    /** What an action may ask of the engine: add, change or take back facts. */
    private static final Set<String> ENGINE_VERBS = Set.of("insert", "insertLogical", "update", "delete", "retract");
    private static final Set<String> INSERTS = Set.of("insert", "insertLogical");

    /**
     * Methods any value of a rule may be asked besides its fields: reads of texts (String), numbers
     * (BigDecimal) and lists, which rules use to build and compare their conclusions (the bundled
     * rules need {@code isEmpty} and {@code abs}). Each looks only at its own value, in time
     * proportional to it: none reaches outside the value, runs a regular expression, or multiplies
     * a text (no {@code repeat}, no {@code format}, no {@code matches}).
     */
    private static final Set<String> VALUE_METHODS = Set.of(
            "isEmpty", "isBlank", "length", "strip", "trim", "toLowerCase", "toUpperCase", "startsWith", "endsWith",
            "contains", "equals", "equalsIgnoreCase", "compareTo", "substring", "indexOf", "toString",
            "abs", "negate", "signum", "add", "subtract", "multiply", "intValue", "longValue", "doubleValue",
            "size", "get");

    /**
     * Imports beyond the fact packages: the value types a rule may name, and {@code List} for
     * {@code List.of(...)} (the trend rules build an aggregate of several changes).
     */
    private static final Set<String> VALUE_IMPORTS = Set.of("java.util.List", "java.math.BigDecimal",
            "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Boolean");

    /** Rule attributes that only order or group firings; {@code dialect} only as "java" (MVEL is not checked). */
    private static final Set<String> ATTRIBUTES = Set.of("salience", "no-loop", "lock-on-active", "agenda-group",
            "activation-group", "auto-focus", "ruleflow-group", "enabled", "dialect");

    /** Drools' own accumulate functions, which read the matched facts once. */
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "average", "min", "max",
            "collectList", "collectSet");

    /** The static factories a rule may call: {@code Type.of(...)} on a fact type, returning that type. */
    private static final String FACTORY = "of";

    /** More function calls than this for one call of a function: a chain that multiplies its work. */
    static final int MAX_CALLS = 1000;

    /** Names that reach outside the rules, with what they reach, for the message. */
    private static final Map<String, String> REACHES = Map.ofEntries(
            Map.entry("System", "the program itself (exit, properties, input and output)"),
            Map.entry("Runtime", "running other programs"), Map.entry("ProcessBuilder", "running other programs"),
            Map.entry("Process", "running other programs"), Map.entry("ProcessHandle", "running other programs"),
            Map.entry("Thread", "threads"), Map.entry("ThreadGroup", "threads"), Map.entry("Executors", "threads"),
            Map.entry("ForkJoinPool", "threads"), Map.entry("CompletableFuture", "threads"),
            Map.entry("Class", "reflection"), Map.entry("ClassLoader", "reflection"),
            Map.entry("getClass", "reflection"), Map.entry("forName", "reflection"), Map.entry("Method", "reflection"),
            Map.entry("File", "files"), Map.entry("Files", "files"), Map.entry("Path", "files"),
            Map.entry("Paths", "files"), Map.entry("FileWriter", "files"), Map.entry("FileOutputStream", "files"),
            Map.entry("FileInputStream", "files"), Map.entry("RandomAccessFile", "files"),
            Map.entry("Socket", "the network"), Map.entry("URL", "the network"), Map.entry("HttpClient", "the network"),
            Map.entry("drools", "the engine's own controls (halt, the session)"),
            Map.entry("kcontext", "the engine's own controls (halt, the session)"));

    private static final Map<String, String> REACHES_PACKAGE = Map.of("java.io", "files", "java.nio", "files",
            "java.lang.reflect", "reflection", "java.lang.invoke", "reflection", "java.net", "the network",
            "java.util.concurrent", "threads", "java.lang.management", "the program itself");

    static final String ALLOWED = "a rule may only insert, update or delete the engine's facts, built from its"
            + " bindings, literals and text (see \"What a rule may do\" in docs/staff-guide.md)";

    private final List<Problem> problems = new ArrayList<>();
    private final JavaParser java = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17).setAttributeComments(false));
    private final MvelParser drlx = new MvelParser(new ParserConfiguration(), false);
    /** The functions of each package, from every file of the folder: a function is seen package-wide. */
    private final Map<String, Map<String, FunctionDescr>> functions = new HashMap<>();
    /** For each function (package + "." + name), the functions each of its calls names, one entry per call. */
    private final Map<String, List<String>> calls = new LinkedHashMap<>();

    private ActionCheck() {
    }

    /** Every problem of every rule file; empty when all of them only decide. */
    static List<Problem> check(List<RuleSource> sources) {
        ActionCheck check = new ActionCheck();
        Map<RuleSource, PackageDescr> parsed = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            PackageDescr pkg = parse(source);
            if (pkg != null) {
                parsed.put(source, pkg);
                pkg.getFunctions().forEach(f -> check.functions.computeIfAbsent(pkg.getName(), k -> new HashMap<>())
                        .putIfAbsent(f.getName(), f));
            }
        }
        parsed.forEach(check::file);
        return check.problems;
    }

    /** The file as Drools reads it; null when it cannot, and the compiler reports why. */
    private static PackageDescr parse(RuleSource source) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, source.drl());
            return parser.hasErrors() || pkg == null ? null : pkg;
        } catch (DroolsParserException | RuntimeException e) {
            return null;
        }
    }

    private void file(RuleSource source, PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            if (!importAllowed(i.getTarget())) {
                add(source, i.getLine(), "import " + i.getTarget() + " is not allowed: rules use the engine's fact"
                        + " types (import " + String.join(".*, import ", FactTypes.FACT_PACKAGES) + ".*) and "
                        + String.join(", ", VALUE_IMPORTS.stream().sorted().toList()) + reaching(i.getTarget()));
            }
        }
        Stream.concat(pkg.getFunctionImports().stream(), pkg.getAccumulateImports().stream()).forEach(i -> add(source,
                i.getLine(), "import of a function (" + i.getTarget() + ") is not allowed; " + ALLOWED));
        pkg.getGlobals().forEach(g -> add(source, g.getLine(), "global " + g.getIdentifier()
                + " is not allowed: the engine gives rules no globals, only facts"));
        Stream.of(pkg.getTypeDeclarations(), pkg.getEnumDeclarations(), pkg.getEntryPointDeclarations(),
                pkg.getWindowDeclarations()).flatMap(c -> c.stream()).forEach(d -> add(source, d.getLine(),
                "declare is not allowed: rules use the engine's fact types, the records of "
                        + String.join(" and ", FactTypes.FACT_PACKAGES)));
        for (AttributeDescr a : pkg.getAttributes()) {
            attribute(source, "the file", a, Set.of());
        }
        Map<String, FunctionDescr> ownFunctions = functions.getOrDefault(pkg.getName(), Map.of());
        for (FunctionDescr f : pkg.getFunctions()) {
            Unit unit = new Unit(source, "function " + f.getName(), ownFunctions, pkg.getName() + "." + f.getName());
            unit.names.addAll(f.getParameterNames());
            unit.block(f.getBody(), f.getLine());
        }
        for (RuleDescr rule : pkg.getRules()) {
            rule(source, rule, ownFunctions);
        }
        recursion(source, pkg);
    }

    private void rule(RuleSource source, RuleDescr rule, Map<String, FunctionDescr> ownFunctions) {
        boolean query = rule instanceof QueryDescr;
        // A table's rules share their code, a cell of its header: the same mistake is told once for all its rows.
        String what = source.table() != null ? "the table's code" : (query ? "query \"" : "rule \"") + rule.getName() + "\"";
        Unit unit = new Unit(source, what, ownFunctions, null);
        if (rule instanceof QueryDescr q) {
            unit.names.addAll(List.of(q.getParameters()));
        }
        for (AnnotationDescr a : rule.getAnnotations()) {
            for (Object value : a.getValueMap().values()) {
                if (!(value instanceof String text) || !literal(text)) {
                    add(source, lineWith(source, rule.getLine(), "@" + a.getName()), unit.what + ": @" + a.getName()
                            + "(...) must be a text in quotes (or a number): Drools would run anything else as code"
                            + " when it compiles the rules");
                }
            }
        }
        unit.inCondition = true;
        unit.condition(rule.getLhs());
        for (AttributeDescr a : rule.getAttributes().values()) {
            attribute(source, unit.what, a, unit.names);
        }
        unit.inCondition = false;
        if (!rule.getNamedConsequences().isEmpty()) {
            add(source, rule.getLine(), unit.what + ": named consequences (do[...]) are not allowed; " + ALLOWED);
        }
        if (!query && rule.getConsequence() != null) {
            unit.block(rule.getConsequence().toString(), rule.getConsequenceLine());
        }
    }

    private void attribute(RuleSource source, String what, AttributeDescr a, Set<String> names) {
        if (!ATTRIBUTES.contains(a.getName())) {
            add(source, a.getLine(), what + ": the attribute " + a.getName() + " is not allowed: rules may use "
                    + String.join(", ", ATTRIBUTES.stream().sorted().toList()));
        } else if (a.getName().equals("dialect") && !"java".equals(a.getValue())) {
            add(source, a.getLine(), what + ": dialect \"" + a.getValue() + "\" is not allowed: rules are written"
                    + " in the java dialect, the one whose actions are checked");
        } else if (a.getType() == AttributeDescr.Type.EXPRESSION) {
            // Dynamic salience and enabled: an expression the engine evaluates as the rules fire.
            Unit unit = new Unit(source, what, Map.of(), null);
            unit.names.addAll(names);
            unit.expression(a.getValue(), a.getLine());
        }
    }

    private static boolean importAllowed(String target) {
        if (VALUE_IMPORTS.contains(target)) {
            return true;
        }
        for (String pkg : FactTypes.FACT_PACKAGES) {
            if (target.equals(pkg + ".*")) {
                return true;
            }
            if (target.startsWith(pkg + ".") && FactTypes.factRecords().containsKey(target.substring(pkg.length() + 1))) {
                return true;
            }
        }
        return false;
    }

    /** A Java literal: a text in quotes, a number, true or false. */
    private boolean literal(String text) {
        ParseResult<Expression> parsed = java.parseExpression(text);
        return parsed.isSuccessful() && parsed.getResult().orElseThrow() instanceof LiteralExpr;
    }

    /** Functions that call themselves, directly or through others, or multiply their calls past {@link #MAX_CALLS}. */
    private void recursion(RuleSource source, PackageDescr pkg) {
        for (FunctionDescr f : pkg.getFunctions()) {
            String key = pkg.getName() + "." + f.getName();
            List<String> cycle = cycle(key, new ArrayList<>());
            if (cycle != null) {
                add(source, f.getLine(), "function " + f.getName() + " calls itself"
                        + (cycle.size() > 2 ? " (through " + String.join(", ", cycle.subList(1, cycle.size() - 1)
                                .stream().map(c -> c.substring(c.lastIndexOf('.') + 1)).toList()) + ")" : "")
                        + ": a function may not call itself, as that may never end");
            } else if (callCount(key, new HashMap<>()) > MAX_CALLS) {
                add(source, f.getLine(), "function " + f.getName() + " makes more than " + MAX_CALLS
                        + " function calls in all (its calls call others in turn): a rule's work must stay small");
            }
        }
    }

    /** The path from {@code key} back to a function on {@code path}, or null when its calls end. */
    private List<String> cycle(String key, List<String> path) {
        if (path.contains(key)) {
            return path.get(0).equals(key) ? append(path, key) : null; // reported for the function on the cycle
        }
        List<String> next = append(path, key);
        for (String callee : new HashSet<>(calls.getOrDefault(key, List.of()))) {
            List<String> found = cycle(callee, next);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    /** The calls one call of {@code key} makes in all (no cycle, as {@link #cycle} found none). */
    private long callCount(String key, Map<String, Long> known) {
        Long count = known.get(key);
        if (count == null) {
            count = 0L;
            for (String callee : calls.getOrDefault(key, List.of())) {
                count = Math.min(Long.MAX_VALUE / 2, count + 1 + callCount(callee, known));
            }
            known.put(key, count);
        }
        return count;
    }

    /** The first DRL line from {@code from} on that holds {@code needle}; {@code from} when none does. */
    private static int lineWith(RuleSource source, int from, String needle) {
        for (int i = Math.max(1, from); i <= source.drlLineCount(); i++) {
            if (source.drlLine(i).contains(needle)) {
                return i;
            }
        }
        return from;
    }

    private void add(RuleSource source, int drlLine, String message) {
        int line = source.fileLine(drlLine);
        problems.add(new Problem(source.file(), line, (source.table() != null ? "row " + line + ": " : "") + message));
    }

    /** What a piece of code reaches outside the rules, as {@code " (it reaches files)"}; empty when nothing is known. */
    private static String reaching(String code) {
        for (Map.Entry<String, String> p : REACHES_PACKAGE.entrySet()) {
            if (code.contains(p.getKey() + ".")) {
                return " (it reaches " + p.getValue() + ")";
            }
        }
        for (String word : code.split("[^\\w$]+")) {
            String reach = REACHES.get(word);
            if (reach != null) {
                return " (it reaches " + reach + ")";
            }
        }
        return "";
    }

    /** A text in a message: the code as written, shortened. */
    private static String shown(Node node) {
        String text;
        try {
            text = PrintUtil.printNode(node);
        } catch (RuntimeException e) {
            text = node.getClass().getSimpleName();
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** One rule, query or function: its names, and where its problems are told. */
    private final class Unit {
        private final RuleSource source;
        private final String what;
        private final Map<String, FunctionDescr> functions;
        /** The function being checked (package + "." + name), whose calls are counted; null for a rule. */
        private final String function;
        /** Bindings, parameters and local variables. */
        private final Set<String> names = new HashSet<>();
        /** Lines already told about: one problem per line is enough to fix it. */
        private final Set<Integer> told = new HashSet<>();
        private boolean inCondition;

        Unit(RuleSource source, String what, Map<String, FunctionDescr> functions, String function) {
            this.source = source;
            this.what = what;
            this.functions = functions;
            this.function = function;
        }

        private void refuse(int drlLine, String message) {
            if (told.add(drlLine)) {
                add(source, drlLine, what + ": " + message);
            }
        }

        // ---- conditions ----

        void condition(BaseDescr descr) {
            if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                    || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
                for (BaseDescr d : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) {
                    condition(d);
                }
            } else if (descr instanceof PatternDescr pattern) {
                if (pattern.getIdentifier() != null) {
                    names.add(pattern.getIdentifier());
                }
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr e) {
                        expression(e.getExpression(), e.getLine() > 0 ? e.getLine() : pattern.getLine());
                    } else {
                        refuse(pattern.getLine(), "this kind of constraint is not allowed; " + ALLOWED);
                    }
                }
                if (pattern.getSource() != null) {
                    source(pattern, pattern.getSource());
                }
            } else if (descr instanceof EvalDescr eval) {
                expression(String.valueOf(eval.getContent()), eval.getLine());
            } else {
                refuse(descr.getLine(), "this kind of condition (" + descr.getClass().getSimpleName()
                        .replace("Descr", "") + ") is not allowed; " + ALLOWED);
            }
        }

        /** Where a pattern's facts come from: the session, {@code from} an expression, accumulate, collect. */
        private void source(PatternDescr pattern, BaseDescr from) {
            if (from instanceof FromDescr f) {
                expression(f.getExpression(), f.getLine() > 0 ? f.getLine() : pattern.getLine());
            } else if (from instanceof CollectDescr c) {
                condition(c.getInputPattern());
            } else if (from instanceof AccumulateDescr a) {
                if (!a.isExternalFunction() || a.getInitCode() != null || a.getActionCode() != null) {
                    refuse(a.getLine(), "accumulate with code of its own (init, action, result) is not allowed; use"
                            + " one of " + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
                    return;
                }
                condition(a.getInput());
                for (AccumulateDescr.AccumulateFunctionCallDescr call : a.getFunctions()) {
                    if (!ACCUMULATE_FUNCTIONS.contains(call.getFunction())) {
                        refuse(a.getLine(), "accumulate function " + call.getFunction() + " is not allowed; use one of "
                                + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()));
                    }
                    if (call.getBind() != null) {
                        names.add(call.getBind());
                    }
                    for (String param : call.getParams()) {
                        expression(param, a.getLine());
                    }
                }
            } else if (!(from instanceof EntryPointDescr)) {
                refuse(pattern.getLine(), "this source of facts is not allowed; " + ALLOWED);
            }
        }

        /** A condition's expression, in the DRL constraint language; at the constraint's line. */
        void expression(String text, int drlLine) {
            ParseResult<DrlxExpression> parsed = drlx.parse(DrlxParser.buildDrlxParserWithArguments(List.of()),
                    org.drools.mvel.parser.Providers.provider(text));
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                refuse(drlLine, "cannot read '" + text.strip() + "' to check it; " + ALLOWED);
                return;
            }
            boolean wasCondition = inCondition;
            inCondition = true;
            check(parsed.getResult().get(), n -> drlLine);
            inCondition = wasCondition;
        }

        // ---- actions and function bodies ----

        /**
         * Java statements, as an action or a function body; {@code nearLine} is the DRL line of
         * {@code then} or {@code function}, from where the text is found to number its lines.
         */
        void block(String text, int nearLine) {
            int base = firstLine(text, nearLine);
            ParseResult<BlockStmt> parsed = java.parseBlock("{" + text + "\n}");
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                int line = parsed.getProblems().stream().flatMap(p -> p.getLocation().stream())
                        .flatMap(l -> l.getBegin().getRange().stream()).map(r -> base + r.begin.line - 1)
                        .findFirst().orElse(base);
                refuse(line, text.matches("(?s).*\\bmodify\\s*\\(.*")
                        ? "modify blocks are not allowed: the engine's facts cannot change; insert a new fact"
                                + " (or update or delete one) instead"
                        : "cannot read this as Java to check it (a syntax error?); " + ALLOWED);
                return;
            }
            ToIntFunction<Node> line = n -> n.getBegin().map(p -> base + p.line - 1).orElse(base);
            statement(parsed.getResult().get(), line);
        }

        /** The DRL line where {@code text}, as Drools took it from the file, begins. */
        private int firstLine(String text, int nearLine) {
            String drl = source.drl();
            int from = 0;
            for (int l = 1; l < nearLine && from >= 0; l++) {
                from = drl.indexOf('\n', from) + 1;
            }
            String start = text.strip().lines().findFirst().orElse("");
            int at = start.isEmpty() ? -1 : drl.indexOf(start, Math.max(0, from));
            if (at < 0) {
                return nearLine;
            }
            int line = 1;
            for (int i = 0; i < at; i++) {
                line += drl.charAt(i) == '\n' ? 1 : 0;
            }
            // The text may begin before its first visible line (blank lines Drools kept).
            return line - (int) text.substring(0, text.indexOf(start)).chars().filter(c -> c == '\n').count();
        }

        private void statement(Statement s, ToIntFunction<Node> line) {
            if (s instanceof BlockStmt block) {
                block.getStatements().forEach(inner -> statement(inner, line));
            } else if (s instanceof ExpressionStmt e) {
                check(e.getExpression(), line);
            } else if (s instanceof IfStmt i) {
                check(i.getCondition(), line);
                statement(i.getThenStmt(), line);
                i.getElseStmt().ifPresent(e -> statement(e, line));
            } else if (s instanceof ReturnStmt r) {
                r.getExpression().ifPresent(e -> check(e, line));
            } else if (s instanceof ForStmt || s instanceof ForEachStmt || s instanceof WhileStmt
                    || s instanceof DoStmt) {
                String kind = s instanceof WhileStmt ? "while" : s instanceof DoStmt ? "do" : "for";
                refuse(line.applyAsInt(s), "a " + kind + " loop is not allowed: a rule must not loop, as a loop may"
                        + " never end (the engine already fires a rule once for each match)");
            } else if (!(s instanceof EmptyStmt)) {
                refuse(line.applyAsInt(s), "this kind of statement (" + s.getClass().getSimpleName()
                        .replace("Stmt", "") + ") is not allowed; " + ALLOWED);
            }
        }

        // ---- expressions, of either ----

        private void check(Node node, ToIntFunction<Node> line) {
            String refusal = refusal(node, line);
            if (refusal != null) {
                refuse(line.applyAsInt(node), refusal);
            }
        }

        private void checkAll(List<? extends Node> nodes, ToIntFunction<Node> line) {
            nodes.forEach(n -> check(n, line));
        }

        /** Why {@code node} is not allowed, or null when it is (its parts checked too). */
        private String refusal(Node node, ToIntFunction<Node> line) {
            if (node instanceof LiteralExpr || node instanceof BigDecimalLiteralExpr
                    || node instanceof BigIntegerLiteralExpr) {
                return null;
            }
            if (node instanceof DrlxExpression d) {
                if (d.getBind() != null) {
                    names.add(d.getBind().asString());
                }
                return refusal(d.getExpr(), line);
            }
            if (node instanceof NameExpr n) {
                return name(n.getNameAsString());
            }
            if (node instanceof ThisExpr && inCondition) {
                return null;
            }
            if (node instanceof FieldAccessExpr f) {
                return field(f.getScope(), f.getNameAsString(), line);
            }
            if (node instanceof NullSafeFieldAccessExpr f) {
                return field(f.getScope(), f.getNameAsString(), line);
            }
            if (node instanceof MethodCallExpr m) {
                return call(m.getScope(), m.getNameAsString(), m.getArguments(), line);
            }
            if (node instanceof NullSafeMethodCallExpr m) {
                return call(m.getScope(), m.getNameAsString(), m.getArguments(), line);
            }
            if (node instanceof ObjectCreationExpr o) {
                String type = o.getType().getNameAsString();
                String qualified = o.getType().asString();
                boolean fact = FactTypes.factRecords().containsKey(type) && (qualified.equals(type)
                        || FactTypes.FACT_PACKAGES.stream().anyMatch(p -> qualified.equals(p + "." + type)));
                if (!fact || o.getScope().isPresent() || o.getAnonymousClassBody().isPresent()) {
                    return "new " + qualified + "(...) is not allowed" + reaching(qualified) + ": a rule builds only"
                            + " the engine's facts (the records of " + String.join(" and ", FactTypes.FACT_PACKAGES)
                            + ")";
                }
                return first(o.getArguments(), line);
            }
            if (node instanceof BinaryExpr || node instanceof UnaryExpr || node instanceof ConditionalExpr
                    || node instanceof EnclosedExpr || node instanceof HalfBinaryExpr) {
                return first(node.getChildNodes(), line);
            }
            if (node instanceof CastExpr c) {
                return refusal(c.getExpression(), line);
            }
            if (node instanceof InlineCastExpr c) {
                return refusal(c.getExpression(), line);
            }
            if (node instanceof InstanceOfExpr i) {
                return refusal(i.getExpression(), line);
            }
            if (node instanceof PointFreeExpr p) {
                if (p.getOperator().asString().equals("matches")) {
                    return "matches (a regular expression) is not allowed: one can take longer than any time limit;"
                            + " compare with ==, or use str[startsWith] or str[endsWith]";
                }
                return first(Stream.concat(Stream.of(p.getLeft()), p.getRight().stream()).toList(), line);
            }
            if (node instanceof HalfPointFreeExpr p) {
                if (p.getOperator().asString().equals("matches")) {
                    return "matches (a regular expression) is not allowed: one can take longer than any time limit";
                }
                return first(p.getRight(), line);
            }
            if (node instanceof VariableDeclarationExpr v && !inCondition) {
                for (VariableDeclarator d : v.getVariables()) {
                    names.add(d.getNameAsString());
                    String why = d.getInitializer().map(i -> refusal(i, line)).orElse(null);
                    if (why != null) {
                        return why;
                    }
                }
                return null;
            }
            if (node instanceof AssignExpr a && !inCondition) {
                if (!(a.getTarget() instanceof NameExpr target) || !names.contains(target.getNameAsString())) {
                    return "assigning to " + shown(a.getTarget()) + " is not allowed: facts do not change; "
                            + "a rule may only assign its own local variables";
                }
                return refusal(a.getValue(), line);
            }
            String kind = node.getClass().getSimpleName().replace("Expr", "").replace("Expression", "");
            String why = switch (kind) {
                case "Class" -> shown(node) + " is not allowed (it reaches reflection); ";
                case "Lambda", "MethodReference" -> "functions as values (" + shown(node) + ") are not allowed; ";
                case "ArrayCreation", "ArrayInitializer", "ArrayAccess" -> "arrays are not allowed; ";
                default -> shown(node) + " is not allowed; ";
            };
            return why + ALLOWED;
        }

        private String first(List<? extends Node> nodes, ToIntFunction<Node> line) {
            for (Node n : nodes) {
                String why = refusal(n, line);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }

        /**
         * A name on its own: a binding, a parameter, a local variable, in a condition a field of
         * the fact. Only names that reach outside the rules are refused here; a misspelt one is left
         * to the compiler, whose message says what the fact's fields are.
         */
        private String name(String name) {
            String reach = reaching(name);
            return reach.isEmpty() || isValue(name) ? null : name + " is not allowed" + reach + "; " + ALLOWED;
        }

        private boolean isValue(String name) {
            return name.startsWith("$") || names.contains(name) || inCondition && isAnyField(name);
        }

        /** {@code scope.field}: a field read from an allowed value, nothing that reaches outside the rules. */
        private String field(Expression scope, String field, ToIntFunction<Node> line) {
            String qualified = shown(scope) + "." + field;
            String reach = reaching(qualified);
            if (!reach.isEmpty()) {
                return qualified + " is not allowed" + reach + "; " + ALLOWED;
            }
            return refusal(scope, line);
        }

        private String call(Optional<Expression> scope, String method, List<? extends Node> args,
                ToIntFunction<Node> line) {
            String shown = scope.map(s -> shown(s) + ".").orElse("") + method + "(...)";
            if (scope.isEmpty()) {
                if (!inCondition && ENGINE_VERBS.contains(method) && function == null) {
                    if (INSERTS.contains(method) && (args.size() != 1 || !insertable(args.get(0)))) {
                        return method + " takes one fact: " + method + "(new Flag(...)), a bound fact, or a factory"
                                + " such as ClaimCheck.of(...)";
                    }
                    return first(args, line);
                }
                if (functions.containsKey(method)) {
                    if (function != null) {
                        FunctionDescr callee = functions.get(method);
                        calls.computeIfAbsent(function, k -> new ArrayList<>())
                                .add(function.substring(0, function.lastIndexOf('.') + 1) + callee.getName());
                    }
                    return first(args, line);
                }
                if (inCondition && args.isEmpty() && isAnyField(method)) {
                    return null;
                }
                return calling(shown);
            }
            Expression target = scope.get();
            if (target instanceof NameExpr n && !isValue(n.getNameAsString())
                    && Character.isUpperCase(n.getNameAsString().charAt(0))) {
                // A type, not a value: its static methods may only build facts.
                String type = n.getNameAsString();
                if (method.equals(FACTORY) && type.equals("List")) {
                    return first(args, line);
                }
                Class<?> fact = FactTypes.factRecords().get(type);
                if (fact != null && isFactory(fact, method)) {
                    return first(args, line);
                }
                return calling(shown);
            }
            String why = refusal(target, line);
            if (why != null) {
                return why;
            }
            boolean read = VALUE_METHODS.contains(method) || args.isEmpty() && isAnyField(method);
            return read ? first(args, line) : calling(shown);
        }

        private String calling(String shown) {
            return "calling " + shown + " is not allowed" + reaching(shown) + "; " + ALLOWED;
        }

        /** What insert may take: a new fact, a factory's, or a name (a bound fact or a local variable). */
        private boolean insertable(Node arg) {
            return arg instanceof ObjectCreationExpr || arg instanceof NameExpr
                    || arg instanceof MethodCallExpr m && m.getNameAsString().equals(FACTORY);
        }
    }

    private static boolean isAnyField(String name) {
        return FactTypes.factReads().contains(name);
    }

    /** A public static {@code of} of a fact type that returns that type: it builds a fact. */
    private static boolean isFactory(Class<?> type, String method) {
        if (!method.equals(FACTORY)) {
            return false;
        }
        List<Method> named = Stream.of(type.getMethods()).filter(m -> m.getName().equals(method)).toList();
        return !named.isEmpty() && named.stream().allMatch(m -> Modifier.isStatic(m.getModifiers())
                && m.getReturnType() == type);
    }
}
