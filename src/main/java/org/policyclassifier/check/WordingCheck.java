package org.policyclassifier.check;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.policyclassifier.facts.Words;
import org.policyclassifier.rules.RuleInfo;

/**
 * Every id a rule's action names (a role, an entity, a body, a flag's detail, a lead reason) has
 * words in every language of {@code facts/words/}: checked on the rules' text, so that a rule that
 * no case of the check makes fire is checked too. An id the action computes is left to the run,
 * which reports it at the rule when it fires.
 */
final class WordingCheck {

    /** Per fact: the section of its id, and the id's position among the constructor's arguments. */
    private record Named(String section, int argument) {
    }

    private static final Map<String, Named> NAMED = Map.of(
            "LevelRole", new Named(Words.ROLES, 2),
            "EntityAssigned", new Named(Words.ENTITIES, 2),
            "CoordinatedBy", new Named(Words.BODIES, 1),
            "SharedLead", new Named(Words.FLAGS, 1),
            "Flag", new Named(Words.FLAGS, 2),
            "LeadClaim", new Named(Words.REASONS, 3));

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
            for (ObjectCreationExpr created : action.getResult().get().findAll(ObjectCreationExpr.class)) {
                Named named = NAMED.get(created.getType().getNameAsString());
                if (named != null && created.getArguments().size() > named.argument()) {
                    ids(created.getArgument(named.argument())).forEach(id -> {
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
