package org.policyclassifier.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A municipality's name as a hole in a rendered decision. The local authorities' name is worded
 * with the case's municipality as a parameter (ENT-006 names them by id), so rules that do not
 * compare the municipality decide alike in all 589 municipalities but for that text; a batch runs
 * them once, on the case with {@link #NAME} for a municipality, and each record fills its own in.
 * Only when no rule of the run compares the municipality, as {@link org.policyclassifier.rules.FieldReads}
 * derives it.
 */
final class MunicipalityHole {

    /** The field of the case the rules must only copy. */
    static final String FIELD = "municipality";
    /** The name the rules get instead: private-use characters, which no text of the policy holds. */
    static final String NAME = "\uE000municipality\uE001";
    /** In a decision's parts, where the record's municipality goes (told apart by identity). */
    static final byte[] PART = new byte[0];

    private MunicipalityHole() {
    }

    /**
     * {@code parts} cut at every occurrence of {@code name} (the bytes of {@link #NAME}), with
     * {@link #PART} there. The last part, the explanation, is the rules' own texts: it never holds one.
     */
    static byte[][] cut(byte[][] parts, byte[] name) {
        if (indexOf(parts[parts.length - 1], name, 0) >= 0) {
            throw new IllegalStateException("an explanation names the municipality of its case");
        }
        List<byte[]> cut = null;
        for (int p = 0; p < parts.length; p++) {
            byte[] part = parts[p];
            int from = 0;
            for (int at = indexOf(part, name, 0); at >= 0; at = indexOf(part, name, from)) {
                if (cut == null) {
                    cut = new ArrayList<>(Arrays.asList(parts).subList(0, p));
                }
                cut.add(Arrays.copyOfRange(part, from, at));
                cut.add(PART);
                from = at + name.length;
            }
            if (cut != null) {
                cut.add(from == 0 ? part : Arrays.copyOfRange(part, from, part.length));
            }
        }
        return cut == null ? parts : cut.toArray(new byte[0][]);
    }

    private static int indexOf(byte[] bytes, byte[] text, int from) {
        for (int i = from; i + text.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + text.length, text, 0, text.length)) {
                return i;
            }
        }
        return -1;
    }
}
