package org.policyclassifier.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Number options read in plain words: picocli's own converters answer {@code 'x' is not an int}
 * or, for a decimal, the text of a {@code java.lang.NumberFormatException}.
 */
final class NumberConverters {

    private NumberConverters() {
    }

    /** On every command of {@code cli} added so far. */
    static void register(CommandLine cli) {
        ITypeConverter<Integer> integer = text -> whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        ITypeConverter<Long> whole = text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
        cli.registerConverter(Integer.class, integer).registerConverter(int.class, integer)
                .registerConverter(Long.class, whole).registerConverter(long.class, whole)
                .registerConverter(BigDecimal.class, NumberConverters::decimal);
    }

    private static BigInteger whole(String text, long min, long max) {
        BigInteger value;
        try {
            value = new BigInteger(text.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is not a whole number");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new TypeConversionException("'" + text + "' is too large a number");
        }
        return value;
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            // NaN and Infinity included: no option of this tool takes them.
            throw new TypeConversionException("'" + text + "' is not a number; expected digits with an optional"
                    + " decimal point, e.g. 5 or 2.5");
        }
    }
}
