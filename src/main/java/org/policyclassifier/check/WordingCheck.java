package org.policyclassifier.check;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.policyclassifier.facts.Words;
import org.policyclassifier.rules.RuleInfo;
import org.policyclassifier.trends.TrendWording;

/**
 * Every id a rule's action names (a role, an entity, a body, a flag's detail, a lead reason; for the
 * trend rules an aggregate, a largest move, a claim's verdict and caveat) has words in every language
 * of {@code facts/words/}: checked on the rules' text, so that a rule that no case of the check makes
 * fire is checked too. An id the action computes is left to the run, which reports it at the rule
 * when it fires.
 */
final class WordingCheck {

    /** The section of an id, and the id's position among the arguments that make the fact. */
    private record Named(String section, int argument) {
    }

    /** Per fact, by its constructor ({@code Flag}) or its factory ({@code Aggregate.of}): the ids it is given. */
    private static final Map<String, List<Named>> NAMED = Map.of(
            "LevelRole", List.of(new Named(Words.ROLES, 2)),
            "EntityAssigned", List.of(new Named(Words.ENTITIES, 2)),
            "CoordinatedBy", List.of(new Named(Words.BODIES, 1)),
            "SharedLead", List.of(new Named(Words.FLAGS, 1)),
            "Flag", List.of(new Named(Words.FLAGS, 2)),
            "LeadClaim", List.of(new Named(Words.REASONS, 3)),
            "Extreme", List.of(new Named(TrendWording.SECTION, 0)),
            "Aggregate.of", List.of(new Named(TrendWording.SECTION, 0)),
            "ClaimCheck.of", List.of(new Named(TrendWording.SECTION, 0), new Named(TrendWording.SECTION, 4)));

    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    private final Words words;

    WordingCheck(Words words) {
        this.words = words;
    }

    void check(List<RuleInfo> rules, List<Finding> findings) {
        for (RuleInfo rule : rules) {
            String text = rule.text() == null ? "" : rule.text();
            int then = text.indexOf("\nthen");
            int end = text.lastIndexOf("\nend");
            if (then < 0 || end < then) {
                continue;
            }
            int firstLine = rule.line() + (int) text.substring(0, then + 1).chars().filter(c -> c == '\n').count();
            ParseResult<BlockStmt> action = parser.parseBlock("{" + text.substring(then + 5, end) + "\n}");
            if (!action.isSuccessful() || action.getResult().isEmpty()) {
                continue; // the compiler reports an action it cannot read
            }
            BlockStmt block = action.getResult().get();
            for (ObjectCreationExpr created : block.findAll(ObjectCreationExpr.class)) {
                check(rule, firstLine, created.getType().getNameAsString(), created.getArguments(), findings);
            }
            for (MethodCallExpr call : block.findAll(MethodCallExpr.class)) {
                call.getScope().filter(Expression::isNameExpr).ifPresent(type -> check(rule, firstLine, type.asNameExpr()
                        .getNameAsString() + "." + call.getNameAsString(), call.getArguments(), findings));
            }
        }
    }

    /** The ids among the {@code arguments} that make a fact by {@code maker}, each with words or a finding. */
    private void check(RuleInfo rule, int firstLine, String maker, NodeList<Expression> arguments,
            List<Finding> findings) {
        for (Named named : NAMED.getOrDefault(maker, List.of())) {
            if (arguments.size() <= named.argument()) {
                continue;
            }
            ids(arguments.get(named.argument())).forEach(id -> {
                if (!words.has(named.section(), id.asString())) {
                    int line = firstLine + id.getBegin().map(p -> p.line).orElse(1) - 1;
                    findings.add(new Finding("error", rule.file(), line, rule.id(), "rule " + rule.id()
                            + " names " + named.section() + " '" + id.asString() + "', which has no wording in"
                            + " every language: add it to the section \"" + named.section()
                            + "\" of each file of facts/words/"));
                }
            });
        }
    }

    /** The literal ids an argument names: itself, or either branch of a {@code ? :}. */
    private static List<StringLiteralExpr> ids(Expression argument) {
        if (argument instanceof StringLiteralExpr literal) {
            return List.of(literal);
        }
        if (argument instanceof ConditionalExpr choice) {
            return Stream.concat(ids(choice.getThenExpr()).stream(), ids(choice.getElseExpr()).stream())
                    .toList();
        }
        return List.of();
    }
}
