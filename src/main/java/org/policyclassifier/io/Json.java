package org.policyclassifier.io;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The one Jackson configuration of the tool, and plain-words messages for its errors. */
public final class Json {

    /** snake_case names, unknown fields rejected, nulls for missing primitives rejected. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A key given twice is an error, not "the last one wins".
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // A null in a list (["cannabis", null], or an empty CSV list entry) is an error, not a crash later.
            .withConfigOverride(List.class, o -> o.setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            // A number or true/false where text is expected is a wrong value type, not text.
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\(start marker at \\[Source.*?\\]\\)"
            + "|\\s*at \\[Source.*?\\]|\\n");

    private static final Pattern DUPLICATE_KEY = Pattern.compile("^Duplicate (?:field|key) '(.*)'");

    private Json() {
    }

    /** The 1-based line Jackson stopped at, or 0 when it does not know. */
    public static int line(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    /** A message a policy officer can act on: which field, what was found, what was expected. */
    public static String describe(JsonProcessingException e) {
        return describe(e, "JSON");
    }

    /** As {@link #describe(JsonProcessingException)}, for a record in {@code format} (JSON, CSV, YAML). */
    public static String describe(JsonProcessingException e, String format) {
        if (e instanceof InvalidNullException n) {
            return "field '" + path(n).replaceFirst("\\[\\d+]$", "") + "': "
                    + (format.equals("CSV") ? "an empty entry in the list (two '" + CsvCases.LIST_SEPARATOR
                            + "' in a row, or one at an end)" : "null in the list") + "; expected ids only";
        }
        Matcher duplicate = DUPLICATE_KEY.matcher(e.getOriginalMessage());
        if (duplicate.find()) {
            return "field '" + duplicate.group(1) + "' is given twice; give it once";
        }
        if (e instanceof ValueInstantiationException) {
            return "the record's values do not fit together: " + (e.getCause() == null ? "" : e.getCause().getMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", "));
            return "unknown field '" + path(u) + "'" + (known.isEmpty() ? "" : "; known fields: " + known);
        }
        if (e instanceof InvalidFormatException f) {
            if (f.getTargetType() == String.class) {
                // A number or true/false where text is expected: say what to write instead.
                return "field '" + path(f) + "': expected text in quotes, got " + f.getValue();
            }
            return "field '" + path(f) + "': '" + f.getValue() + "' is not a valid "
                    + simpleType(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && !path(m).isEmpty()) {
            return "field '" + path(m) + "': expected " + simpleType(m.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && m.getTargetType().isRecord()) {
            return "expected a JSON object {...} holding one case record";
        }
        return "not valid " + format + ": " + plain(e.getOriginalMessage());
    }

    /** Jackson's words for a syntax error and what a policy officer reads instead. */
    private static final List<Map.Entry<Pattern, String>> PLAIN = List.of(
            rule("Non-standard token '(.*?)'.*", "'$1' is not a number JSON allows; write a number, or text in quotes"),
            rule("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*",
                    "values nested $1 levels deep; at most $2 are read"),
            rule("Number value length \\((\\d+)\\) exceeds the maximum (?:allowed|length) \\((\\d+).*",
                    "a number of $1 digits; at most $2 are read"),
            rule("String value length \\((\\d+)\\) exceeds the maximum (?:allowed|length) \\((\\d+).*",
                    "a text of $1 characters; at most $2 are read"),
            rule("Name length \\((\\d+)\\) exceeds the maximum (?:allowed|length) \\((\\d+).*",
                    "a field name of $1 characters; at most $2 are read"),
            rule("Numeric value \\((.*?)\\) out of range of .*", "the number $1 is too large"),
            rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    "a control character (code $1) inside text in quotes; write it escaped, e.g. \\\\t for a tab"),
            rule("Unrecognized token '(.*?)'.*", "'$1' is not a JSON value (text goes in quotes)"),
            rule("Unexpected end-of-input(?: in VALUE_STRING|: was expecting closing quote.*)",
                    "the JSON ends inside a text in quotes (a closing quote missing?)"),
            rule("Unexpected end-of-input(?:: expected close marker for| within/between) Object.*",
                    "the JSON ends before the '}' that closes an object"),
            rule("Unexpected end-of-input(?:: expected close marker for| within/between) Array.*",
                    "the JSON ends before the ']' that closes a list"),
            rule("Unexpected end-of-input.*", "the JSON ends too early"),
            rule("Unexpected character \\('(.*?)' \\(code \\d+\\)\\): maybe a \\(non-standard\\) comment.*",
                    "unexpected '$1': JSON has no comments"),
            rule("Unexpected character \\('(.*?)' \\(code \\d+\\)\\) in numeric value: (.*)",
                    "unexpected '$1' in a number: $2"),
            rule("Unexpected character \\('(.*?)' \\(code \\d+\\)\\): (.*)", "unexpected '$1': $2"),
            rule("Unexpected close marker '(.)': no open (?:Array|Object) to close", "a '$1' that closes nothing"),
            rule("Unrecognized character escape '(.*?)' \\(code \\d+\\)",
                    "'\\\\$1' is not an escape JSON knows (a backslash is written \\\\\\\\)"),
            rule("Invalid numeric value: (.*)", "not a valid number: $1"));

    /** Jackson's list of what may start a value, in the words of the rest of the messages. */
    private static final Pattern VALUE_KINDS = Pattern.compile(
            "(?:a valid value )?\\(JSON String, Number, Array, Object or token 'null', 'true' or 'false'\\)");

    /** What is left of a setting of Jackson's named in its message: "(... `JsonReadFeature.X` ...)", "enable `X` to allow". */
    private static final Pattern INTERNAL = Pattern.compile("\\s*\\([^()]*(?:`|Feature)[^()]*\\)"
            + "|[:;,]?\\s*enable `[^`]*` to allow|`[^`]*`");

    /**
     * Jackson's message of a syntax error in plain words: no setting, class or method of Jackson's
     * (a reader cannot act on {@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}), no source
     * description (it only repeats the line already given).
     */
    public static String plain(String jacksonMessage) {
        String message = SOURCE_NOTE.matcher(jacksonMessage == null ? "" : jacksonMessage).replaceAll("").strip();
        for (Map.Entry<Pattern, String> rule : PLAIN) {
            Matcher m = rule.getKey().matcher(message);
            if (m.matches()) {
                message = m.replaceFirst(rule.getValue());
                break;
            }
        }
        message = message.replace("was expecting", "expected");
        message = VALUE_KINDS.matcher(message).replaceAll(
                "a value (text in quotes, a number, true, false, null, [...] or {...})");
        return INTERNAL.matcher(message).replaceAll("").strip();
    }

    private static Map.Entry<Pattern, String> rule(String jackson, String plain) {
        return Map.entry(Pattern.compile(jackson, Pattern.DOTALL), plain);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0 && sb.length() > 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "object";
        }
        // A Java type's name means nothing to the reader.
        return type.isEnum() ? "text" : "value";
    }
}
