package org.policyclassifier.batch;

import java.util.List;

/**
 * An id that more than one classified record carries; every such record was classified and
 * written, none merged.
 *
 * @param id the id
 * @param records how many records carry it
 * @param lines the input lines of the first {@value #LINES_KEPT} of them
 */
public record Duplicate(String id, long records, List<Long> lines) {

    public static final int LINES_KEPT = 20;
}
