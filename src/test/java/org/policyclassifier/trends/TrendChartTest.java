package org.policyclassifier.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.TestPaths;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.rules.RuleSet;

class TrendChartTest {

    @TempDir
    Path temp;

    static TrendReport report() throws Exception {
        return new TrendAnalysis(RuleSet.compile(TestPaths.RULES))
                .analyse(TrendInputs.load(TestPaths.FACTS), new Window(2014, 2017), new BigDecimal("5.00"));
    }

    @Test
    void everySeriesIsDrawnAsAnIndexAndLabelledWithItsFigures() throws Exception {
        TrendReport report = report();
        TrendWording wording = new TrendWording(Vocabulary.load(TestPaths.FACTS));
        XYSeriesCollection data = TrendChart.dataset(wording.in(report, "en"));
        assertEquals(7, data.getSeriesCount());
        XYSeries production = data.getSeries(4);
        assertEquals("Production (1923 → 1738, -9.62%)", production.getKey());
        // 2047 / 1923 = 106.4483 → 106.45; 1928 / 1923 = 100.2600 → 100.26; 1738 / 1923 = 90.3796 → 90.38.
        List<String> points = new ArrayList<>();
        for (int i = 0; i < production.getItemCount(); i++) {
            points.add(production.getX(i).intValue() + "=" + production.getY(i));
        }
        assertEquals(List.of("2014=100.0", "2015=106.45", "2016=100.26", "2017=90.38"), points);
        assertEquals("TOTAL (55132 → 55944, +1.47%)", data.getSeries(6).getKey());

        Path png = temp.resolve("trends.png");
        TrendChart.write(report, wording, "en", png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(List.of(TrendChart.WIDTH, TrendChart.HEIGHT), List.of(image.getWidth(), image.getHeight()));
    }

    @Test
    void theChartIsWordedInTheLanguageAsked() throws Exception {
        JFreeChart chart = TrendChart.chart(report(), new TrendWording(Vocabulary.load(TestPaths.FACTS)), "fr");
        assertEquals("Infractions enregistrées par catégorie : Belgium, 2014–2017", chart.getTitle().getText());
        assertEquals(List.of("Année", "Indice (2014 = 100)"), List.of(chart.getXYPlot().getDomainAxis().getLabel(),
                chart.getXYPlot().getRangeAxis().getLabel()));
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals("production de drogue (1923 → 1738, -9.62%)", data.getSeries(4).getKey());
        assertEquals("TOTAL (55132 → 55944, +1.47%)", data.getSeries(6).getKey());
    }
}
