package org.policyclassifier.classify;

import java.util.List;

/**
 * Something the reader must notice: an upper-case code, and the id of its explanation in the
 * section "flags" of {@code facts/words/}, with the parameters the explanation names as
 * {@code args}: name, value, name, value...
 */
public record Flag(String caseId, String code, String detail, List<String> args) implements CaseFact {

    public Flag {
        args = List.copyOf(args);
    }

    /** A flag; {@code args} are its explanation's parameters, a name then its value. */
    public Flag(String caseId, String code, String detail, String... args) {
        this(caseId, code, detail, List.of(args));
    }
}
