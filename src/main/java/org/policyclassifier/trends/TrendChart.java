package org.policyclassifier.trends;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.DecimalFormat;
import javax.imageio.ImageIO;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.policyclassifier.io.AtomicFiles;

/**
 * The trends report as a picture: every series over the window as an index (first year = 100), so
 * that a category of 1,700 offences and the total of 55,000 share one scale, with the stable band
 * shaded around 100. Drawn with JFreeChart, headless.
 */
public final class TrendChart {

    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    /** Colours that stay apart in print and for most colour-blind readers (Okabe-Ito). */
    private static final Color[] COLOURS = {new Color(0xE69F00), new Color(0x56B4E9), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xD55E00), new Color(0x0072B2), new Color(0x999999), new Color(0xF0E442)};

    private TrendChart() {
    }

    /** Draws the chart, worded in {@code language}, into {@code png}; the file appears only once complete. */
    public static void write(TrendReport report, TrendWording wording, String language, Path png) throws IOException {
        BufferedImage image = image(chart(report, wording, language));
        AtomicFiles.write(png, out -> ImageIO.write(image, "png", out));
    }

    /** The chart, worded in {@code language}, as PNG bytes, for the server (which writes nothing to disk). */
    public static byte[] png(TrendReport report, TrendWording wording, String language) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image(chart(report, wording, language)), "png", out);
        return out.toByteArray();
    }

    private static BufferedImage image(JFreeChart chart) {
        // Opaque RGB, no alpha channel: a smaller file, meant to be committed and mailed.
        return chart.createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    }

    static JFreeChart chart(TrendReport report, TrendWording wording, String language) {
        // No display is needed to draw into an image; without this a desktop-less machine may refuse.
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = dataset(wording.in(report, language));
        String from = String.valueOf(report.from());
        String to = String.valueOf(report.to());
        JFreeChart chart = ChartFactory.createXYLineChart(
                wording.text(language, "chart_title", "country", report.country(), "from", from, "to", to),
                wording.text(language, "chart_year"), wording.text(language, "chart_index", "from", from), data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle(wording.text(language, "chart_subtitle", "year",
                String.valueOf(report.profileYear()), "priority", report.priority(), "from", from, "to", to),
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        NumberAxis years = (NumberAxis) plot.getDomainAxis();
        years.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        years.setNumberFormatOverride(new DecimalFormat("0")); // 2014, not 2,014
        years.setRange(report.from() - 0.2, report.to() + 0.2);
        NumberAxis index = (NumberAxis) plot.getRangeAxis();
        index.setAutoRangeIncludesZero(false);

        double band = report.stableBandPercent().doubleValue();
        IntervalMarker stable = new IntervalMarker(100 - band, 100 + band, new Color(0xEEF3F8));
        stable.setLabel(wording.text(language, "chart_band", "band", report.stableBandPercent().toPlainString()));
        stable.setLabelFont(new Font(Font.SANS_SERIF, Font.ITALIC, 11));
        stable.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        stable.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        stable.setLabelBackgroundColor(new Color(0, 0, 0, 0));
        plot.addRangeMarker(stable, Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(100, Color.GRAY, new BasicStroke(1f)), Layer.BACKGROUND);

        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        List<SeriesTrend> series = report.series();
        for (int i = 0; i < series.size(); i++) {
            boolean total = series.get(i).total();
            lines.setSeriesPaint(i, total ? Color.BLACK : COLOURS[i % COLOURS.length]);
            lines.setSeriesStroke(i, new BasicStroke(total ? 3.5f : 2f));
        }
        plot.setRenderer(lines);
        return chart;
    }

    /** One series per row of a worded report, labelled with its name, counts and change over the window. */
    static XYSeriesCollection dataset(TrendReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (SeriesTrend s : report.series()) {
            Change w = s.window();
            String label = s.name() + " (" + w.baseline() + " → " + w.value()
                    + (w.percent() == null ? "" : ", " + Percentages.signed(w.percent()) + "%") + ")";
            XYSeries line = new XYSeries(label, false, false);
            s.counts().forEach((year, count) -> {
                BigDecimal index = Percentages.index(w.baseline(), count);
                if (index != null) {
                    line.add(year.doubleValue(), index.doubleValue());
                }
            });
            data.addSeries(line);
        }
        return data;
    }
}
