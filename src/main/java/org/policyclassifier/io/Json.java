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
        // Jackson's source descriptions only repeat the line we already give.
        String message = SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("");
        return "not valid " + format + ": " + message.strip();
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
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "object";
        }
        return type.getSimpleName();
    }
}
