package org.policyclassifier.batch;

/** What the rules concluded for a case, kept in the {@link DecisionCache}. */
sealed interface Result permits Result.Rendered {

    int size();

    /**
     * A decision rendered in the output format, without its id, with the values the summary counts.
     */
    record Rendered(byte[][] parts, String axis, String leadLevel, String tier) implements Result {
        /** The part of its own; the others are shared (see {@link DecisionFormat#render}). */
        @Override
        public int size() {
            return parts[0].length;
        }
    }
}
