package org.policyclassifier.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;
import org.policyclassifier.errors.Problem;

/**
 * Turns a Drools build message into a problem a policy officer can act on: in plain words, at the
 * line of the user's file where the mistake is (not where Drools noticed it), and for decision
 * tables at the row and column of the cell.
 */
final class CompileMessages {

    private static final Pattern MISMATCHED = Pattern.compile(
            "\\[ERR \\d+] Line \\d+:\\d+ mismatched input '(.*?)'(?: expecting (.*?))?(?: in rule \"(.*)\")?$");
    private static final Pattern NO_VIABLE = Pattern.compile(
            "\\[ERR \\d+] Line \\d+:\\d+ no viable alternative at input '(.*?)'.*");
    private static final Pattern OTHER_SYNTAX = Pattern.compile("(?s)(?:\\[ERR \\d+] )?Line (\\d+):\\d+ (.*)");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '(\\w+)'.*");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "(?s)Unable to Analyse Expression .*?unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\).*");
    private static final Pattern UNDEFINED_CONSTRUCTOR = Pattern.compile(
            "(?s).*The constructor (\\w+)\\((.*?)\\) is undefined.*");
    private static final Pattern UNDEFINED_METHOD = Pattern.compile(
            "(?s).*The method (\\w+)\\((.*?)\\) is undefined for the type (\\w+).*");
    private static final Pattern UNRESOLVED = Pattern.compile("(?s).*?([\\w$]+) cannot be resolved( to a type| to a variable)?.*");

    private CompileMessages() {
    }

    /** A located located message in plain words; empty for follow-on noise. */
    private record Plain(int drlLine, String message) {
    }

    static Optional<Problem> translate(Message message, Map<String, RuleSource> sources) {
        String text = message.getText() == null ? "" : message.getText().strip();
        // Follow-on noise after a syntax error, already reported at the real line.
        if (text.startsWith("Parser returned a null Package")) {
            return Optional.empty();
        }
        RuleSource source = find(message.getPath(), sources);
        int drlLine = Math.max(0, message.getLine());
        if (source == null) {
            return Optional.of(new Problem(message.getPath(), drlLine, oneLine(text)));
        }
        Plain plain = plain(text, drlLine, source);
        int line = source.fileLine(plain.drlLine());
        String where = "";
        if (source.table() != null) {
            String column = source.table().columnNamed(line, text);
            where = column == null ? "row " + line + ": " : "row " + line + ", " + column + ": ";
        }
        return Optional.of(new Problem(source.file(), line, where + plain.message()));
    }

    private static Plain plain(String text, int line, RuleSource source) {
        Matcher m;
        if ((m = MISMATCHED.matcher(text)).matches()) {
            int open = unclosedBefore(source, line);
            if (open > 0) {
                return new Plain(open, "a parenthesis opened on this line is not closed (Drools stopped at '"
                        + m.group(1) + "' on line " + source.fileLine(line) + ")");
            }
            String expecting = m.group(2) == null ? "" : "; expected " + m.group(2);
            return new Plain(line, "unexpected '" + m.group(1) + "'" + expecting
                    + " (check the spelling, quotes and parentheses)");
        }
        if ((m = NO_VIABLE.matcher(text)).matches()) {
            int open = unclosedBefore(source, line);
            if (open > 0) {
                return new Plain(open, "a parenthesis opened on this line is not closed");
            }
            return new Plain(line, "cannot make sense of '" + m.group(1) + "' here (check the spelling, quotes and "
                    + "parentheses)");
        }
        if ((m = OTHER_SYNTAX.matcher(text)).matches()) {
            int at = line > 0 ? line : Integer.parseInt(m.group(1));
            if (m.group(2).contains("at input '<eof>'")) {
                return new Plain(Math.min(at, source.drlLineCount()),
                        "the file ends inside a rule: a closing parenthesis, quote or 'end' is missing");
            }
            // Drools sometimes appends its own exception and stack trace: nothing a rule author can use.
            return new Plain(at, "syntax error: " + oneLine(m.group(2).replaceFirst("(?s)\\.?\\s*Exception: .*", "")));
        }
        FactTypes types = new FactTypes(source.drl());
        if ((m = UNKNOWN_TYPE.matcher(text)).matches()) {
            return new Plain(line, "unknown fact type '" + m.group(1) + "'; rules can match: "
                    + String.join(", ", types.recordNames()));
        }
        if ((m = UNKNOWN_FIELD.matcher(text)).matches()) {
            String type = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
            String field = m.group(2);
            List<String> fields = types.find(type).map(FactTypes::fields).orElse(List.of());
            return new Plain(conditionLineWith(source, line, field),
                    type + " has no field '" + field + "'" + (fields.isEmpty() ? ""
                            : "; its fields are: " + String.join(", ", fields.stream()
                                    .map(f -> f.substring(f.indexOf(' ') + 1)).toList())));
        }
        if ((m = UNDEFINED_CONSTRUCTOR.matcher(text)).matches()) {
            String type = m.group(1);
            List<String> fields = types.find(type).map(FactTypes::fields).orElse(List.of());
            return new Plain(lineWith(source, line, "new " + type + "(", type + "("),
                    "new " + type + "(...) is given (" + m.group(2) + ")" + (fields.isEmpty() ? ""
                            : " but takes (" + String.join(", ", fields) + ")"));
        }
        if ((m = UNDEFINED_METHOD.matcher(text)).matches()) {
            return new Plain(lineWith(source, line, m.group(1) + "("), m.group(3) + " has no method "
                    + m.group(1) + "(" + m.group(2) + ")");
        }
        if ((m = UNRESOLVED.matcher(text)).matches()) {
            String name = m.group(1);
            String kind = " to a type".equals(m.group(2)) ? "type" : "name";
            return new Plain(lineWith(source, line, name), "unknown " + kind + " '" + name + "'"
                    + (name.startsWith("$") ? ": bind it in the when part first, e.g. " + name + " : Case(...)" : ""));
        }
        return new Plain(line, oneLine(text));
    }

    /**
     * The first line from the rule that starts at or before {@code line} to its {@code end} that
     * contains one of the needles; the message's own line when none does. Drools reports errors
     * of a rule's action at the rule's first line; the user needs the line to edit.
     */
    private static int lineWith(RuleSource source, int line, String... needles) {
        int start = line;
        while (start > 1 && !source.drlLine(start).stripLeading().startsWith("rule ")) {
            start--;
        }
        for (int i = Math.max(start, 1); i <= source.drlLineCount(); i++) {
            String text = source.drlLine(i);
            for (String needle : needles) {
                if (text.contains(needle)) {
                    return i;
                }
            }
            if (i > start && text.strip().equals("end")) {
                break;
            }
        }
        return line;
    }

    /**
     * The line of the rule's conditions (between {@code when} and {@code then}) where {@code field}
     * is written as a word: the name, @source or @note of the rule may hold the same word.
     */
    private static int conditionLineWith(RuleSource source, int line, String field) {
        int start = line;
        while (start > 1 && !source.drlLine(start).stripLeading().startsWith("rule ")) {
            start--;
        }
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(field) + "(?![\\w$])");
        boolean conditions = false;
        for (int i = Math.max(start, 1); i <= source.drlLineCount(); i++) {
            String text = source.drlLine(i).strip();
            if (text.equals("then")) {
                break;
            }
            if (conditions && word.matcher(text).find()) {
                return i;
            }
            conditions |= text.equals("when") || text.startsWith("when ");
        }
        return line;
    }

    /** The nearest line before {@code line}, within its rule, that opens more parentheses than it closes. */
    private static int unclosedBefore(RuleSource source, int line) {
        for (int i = line - 1; i >= 1; i--) {
            String text = source.drlLine(i);
            if (balance(text) > 0) {
                return i;
            }
            if (text.stripLeading().startsWith("rule ")) {
                break;
            }
        }
        return 0;
    }

    /** Opening minus closing parentheses, outside string literals and comments. */
    private static int balance(String line) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
        }
        return depth;
    }

    private static RuleSource find(String path, Map<String, RuleSource> sources) {
        if (path == null) {
            return null;
        }
        RuleSource exact = sources.get(path);
        if (exact != null) {
            return exact;
        }
        Function<String, String> tail = p -> p.substring(p.lastIndexOf('/') + 1);
        return sources.values().stream().filter(s -> s.kjarPath().endsWith(path) || path.endsWith(s.kjarPath())
                || tail.apply(s.kjarPath()).equals(tail.apply(path))).findFirst().orElse(null);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
