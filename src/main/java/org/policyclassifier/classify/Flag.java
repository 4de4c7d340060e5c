package org.policyclassifier.classify;

/** Something the reader must notice: an upper-case code and a plain explanation. */
public record Flag(String caseId, String code, String detail) implements CaseFact {
}
