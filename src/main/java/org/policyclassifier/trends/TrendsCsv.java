package org.policyclassifier.trends;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.policyclassifier.io.SpreadsheetCells;

/**
 * A trends report as one CSV table for spreadsheets: a row per year-on-year change, per window
 * change (with the shares) and per flag, told apart by the {@code record} column: what
 * {@code policy trends --format csv} prints and the page's trends offer for download.
 */
public final class TrendsCsv {

    private static final CsvMapper CSV = CsvMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET) // the output stream is the caller's
            .build();
    private static final CsvSchema SCHEMA = CSV.schemaFor(Row.class).withHeader();

    /** One line of the CSV; empty cells where a field does not apply. */
    @JsonPropertyOrder({"record", "series", "from", "to", "baseline", "value",
        "change", "percent", "share_from", "share_to", "share_change_points", "threshold", "code", "rule", "claim", "detail"})
    record Row(String record, String series, int from, int to, long baseline, long value, long change,
            BigDecimal percent, BigDecimal shareFrom, BigDecimal shareTo, BigDecimal shareChangePoints,
            BigDecimal threshold, String code, String rule, String claim, String detail) {

        /** The texts come from facts files; a series named "=..." must not run in a spreadsheet. */
        Row {
            series = SpreadsheetCells.neutralised(series);
            claim = SpreadsheetCells.neutralised(claim);
            detail = SpreadsheetCells.neutralised(detail);
        }

        static Row of(Change c, Shares shares) {
            return new Row(c.span(), c.series(), c.from(), c.to(), c.baseline(), c.value(), c.change(), c.percent(),
                    shares == null ? null : shares.from(), shares == null ? null : shares.to(),
                    shares == null ? null : shares.changePoints(), null, null, null, null, null);
        }

        static Row of(Finding f) {
            Shares shares = f.shares();
            return new Row("flag", f.series(), f.from(), f.to(), f.baseline(), f.value(), f.change(), f.percent(),
                    shares == null ? null : shares.from(), shares == null ? null : shares.to(),
                    shares == null ? null : shares.changePoints(), f.threshold(), f.code(), f.rule(), f.claim(),
                    f.detail());
        }
    }

    private TrendsCsv() {
    }

    /** The report with its series and details in {@code language}; codes and figures as they are. */
    public static void print(TrendReport report, TrendWording wording, String language, PrintWriter out) {
        TrendReport worded = wording.in(report, language);
        try (SequenceWriter rows = CSV.writerFor(Row.class).with(SCHEMA).writeValues(out)) {
            for (SeriesTrend s : worded.series()) {
                for (Change c : s.yearOnYear()) {
                    rows.write(Row.of(c, null));
                }
                rows.write(Row.of(s.window(), s.shares()));
            }
            for (Finding f : worded.flags()) {
                rows.write(Row.of(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
