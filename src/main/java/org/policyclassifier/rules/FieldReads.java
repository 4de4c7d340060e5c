package org.policyclassifier.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether rules only <em>copy</em> a fact field: test it for null and bind it, and put what they
 * bound into text by string concatenation ({@code "local authorities of " + $municipality}),
 * without ever comparing it, calling a method on it or handing it to another pattern. Then every
 * value of the field gives the same decision but for the copies of the value, and a batch can run
 * the rules once for all values (see the batch's decision cache).
 *
 * <p>Read from the DRL text, comments and string literals left out, conservatively: any other
 * mention of the field's name, in any rule of any file, counts as a read. What this cannot see is
 * a consequence that transforms the text it has concatenated ({@code ("x" + $m).equals(...)}):
 * policy rules build their conclusions' texts, they do not test them.
 */
final class FieldReads {

    private static final Set<String> OPERATORS = Set.of("==", "!=", "<=", ">=", "&&", "||");

    private FieldReads() {
    }

    /** True when no rule of {@code drlFiles} reads {@code field} beyond copying it. */
    static boolean onlyCopies(Collection<String> drlFiles, String field) {
        for (String drl : drlFiles) {
            if (!onlyCopies(tokens(drl), field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyCopies(List<String> tokens, String field) {
        Set<Integer> bindings = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).equals(field)) {
                continue;
            }
            int start = i;
            if (at(tokens, i - 1, ":") && at(tokens, i - 2, null) && tokens.get(i - 2).startsWith("$")) {
                start = i - 2;
                variables.add(tokens.get(start));
                bindings.add(start);
            }
            // A constraint of its own: after "(" or ",", before "," or ")", at most "!= null".
            int end = at(tokens, i + 1, "!=") && at(tokens, i + 2, "null") ? i + 3 : i + 1;
            boolean alone = (at(tokens, start - 1, "(") || at(tokens, start - 1, ","))
                    && (at(tokens, end, ",") || at(tokens, end, ")"));
            if (!alone) {
                return false;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (variables.contains(tokens.get(i)) && !bindings.contains(i)) {
                // Only ever an operand of "+", never followed by a method call, a field or a comparison.
                boolean concatenated = at(tokens, i - 1, "+")
                        && (at(tokens, i + 1, "+") || at(tokens, i + 1, ")") || at(tokens, i + 1, ",")
                                || at(tokens, i + 1, ";"));
                if (!concatenated) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether token {@code i} exists and is {@code text} (any token when {@code text} is null). */
    private static boolean at(List<String> tokens, int i, String text) {
        return i >= 0 && i < tokens.size() && (text == null || tokens.get(i).equals(text));
    }

    /**
     * The DRL's tokens: names (with {@code $} and {@code _}), numbers, {@code == != <= >= && ||} and
     * single symbols; comments and the contents of string and character literals left out (a
     * literal becomes the token {@code "}).
     */
    static List<String> tokens(String drl) {
        List<String> tokens = new ArrayList<>();
        int n = drl.length();
        int i = 0;
        while (i < n) {
            char c = drl.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (drl.startsWith("//", i)) {
                while (i < n && drl.charAt(i) != '\n') {
                    i++;
                }
            } else if (drl.startsWith("/*", i)) {
                int close = drl.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && drl.charAt(i) != c) {
                    i += drl.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                tokens.add("\"");
            } else if (Character.isJavaIdentifierPart(c)) {
                int from = i;
                while (i < n && Character.isJavaIdentifierPart(drl.charAt(i))) {
                    i++;
                }
                tokens.add(drl.substring(from, i));
            } else if (i + 1 < n && OPERATORS.contains(drl.substring(i, i + 2))) {
                tokens.add(drl.substring(i, i + 2));
                i += 2;
            } else {
                tokens.add(String.valueOf(c));
                i++;
            }
        }
        return tokens;
    }
}
