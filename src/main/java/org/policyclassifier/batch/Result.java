package org.policyclassifier.batch;

/** What the rules concluded for a case, or what a record's text was read as, kept in the {@link DecisionCache}. */
sealed interface Result permits Result.Rendered, TextReadings.Reading {

    /** Bytes of its own, for the cache's budget (shared bytes are not counted). */
    int size();

    /**
     * A decision rendered in the output format, without its id and place, with the values the
     * summary counts as one {@link Tallies} index.
     */
    record Rendered(byte[][] parts, int ownBytes, int tally) implements Result {
        /** The bytes no decision rendered before shares (see {@link DecisionFormat#render}), and the array. */
        @Override
        public int size() {
            return ownBytes + 16 + 8 * parts.length;
        }
    }
}
