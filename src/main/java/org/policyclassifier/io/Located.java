package org.policyclassifier.io;

/** A value read from a file, with the line its JSON object starts on, for error messages. */
public record Located<T>(T value, String file, int line) {
}
