package org.policyclassifier.batch;

/** What became of a record's content: a rendered decision, or the reason the rules' vocabulary rejects it. */
sealed interface Result {

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

    record Rejection(String reason) implements Result {
        @Override
        public int size() {
            return reason.length() * 2;
        }
    }
}
