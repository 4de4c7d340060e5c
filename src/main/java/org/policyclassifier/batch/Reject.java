package org.policyclassifier.batch;

/**
 * A record that could not be classified.
 *
 * @param line the input line it starts on
 * @param raw the line as read (cut, with a note, when longer than the line limit)
 * @param reason what is wrong, in plain words
 */
public record Reject(long line, String raw, String reason) {
}
