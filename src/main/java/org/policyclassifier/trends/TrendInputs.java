package org.policyclassifier.trends;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.policyclassifier.facts.Labels;
import org.policyclassifier.io.TextFiles;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.io.Located;
import org.policyclassifier.io.LocatedArrayReader;
import org.policyclassifier.io.Json;
import org.policyclassifier.stats.Series;
import org.policyclassifier.stats.StatisticsFile;
import org.policyclassifier.stats.StatisticsTable;

/**
 * What the trend rules work on, from the facts folder: the offence statistics, the profile's
 * narrative claims ({@value #CLAIMS}) and the stable band ({@value #SETTINGS}), checked together.
 *
 * @param statistics the imported statistics table
 * @param claims the claims, in file order
 * @param stableBandPercent the stable band of the settings file
 */
public record TrendInputs(StatisticsTable statistics, List<TrendClaim> claims, BigDecimal stableBandPercent) {

    public static final String CLAIMS = "trend-claims.json";
    public static final String SETTINGS = "trend-settings.json";
    private static final String PROFILE = "profile.txt";
    private static final Set<String> DIRECTIONS = Set.of("up", "down", "steady");

    public TrendInputs {
        claims = List.copyOf(claims);
    }

    /** The settings file: the one threshold policy staff tune. */
    record Settings(BigDecimal stableBandPercent) {
    }

    /** Loads and cross-checks the trend facts of {@code factsDir}; throws with every problem found. */
    public static TrendInputs load(Path factsDir) throws InvalidInputException {
        if (!Files.isDirectory(factsDir)) {
            throw new InvalidInputException(new Problem(factsDir.toString(), 0, "facts folder not found"));
        }
        List<Problem> problems = new ArrayList<>();
        StatisticsTable statistics = null;
        try {
            statistics = StatisticsFile.read(factsDir.resolve(StatisticsFile.NAME));
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        BigDecimal band = band(factsDir.resolve(SETTINGS), problems);
        List<Located<TrendClaim>> claims = new LocatedArrayReader(Json.MAPPER, problems).readArray(factsDir.resolve(CLAIMS),
                TrendClaim.class);
        check(claims, statistics, factsDir.resolve(PROFILE), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new TrendInputs(statistics, claims.stream().map(Located::value).toList(), band);
    }

    private static BigDecimal band(Path path, List<Problem> problems) {
        String file = path.toString();
        try {
            Settings settings = Json.MAPPER.readValue(TextFiles.read(path), Settings.class);
            String problem = StableBand.problem(settings.stableBandPercent()).orElse(null);
            if (problem != null) {
                problems.add(new Problem(file, 0, "field 'stable_band_percent': " + problem));
            }
            return settings.stableBandPercent();
        } catch (NoSuchFileException e) {
            problems.add(new Problem(file, 0, "file not found (it holds the stable band: {\"stable_band_percent\": 5.00})"));
        } catch (JsonProcessingException e) {
            problems.add(new Problem(file, Json.line(e), Json.describe(e)));
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private static void check(List<Located<TrendClaim>> claims, StatisticsTable statistics, Path profile,
            List<Problem> problems) {
        String text = claims.isEmpty() ? "" : profileText(profile, problems);
        // Without readable statistics (already reported) the series cannot be checked; the rest can.
        String rows = statistics == null ? null
                : statistics.rows().stream().map(Series::name).collect(Collectors.joining(", "));
        for (Located<TrendClaim> located : claims) {
            TrendClaim claim = located.value();
            String where = "claim \"" + claim.quote() + "\": ";
            if (claim.quote() == null || claim.quote().isBlank()) {
                problems.add(new Problem(located.file(), located.line(), "a claim needs 'quote': the profile's words"));
                where = "";
            } else if (text != null && !normalise(text).contains(normalise(claim.quote()))) {
                problems.add(new Problem(located.file(), located.line(), where + "the profile (" + profile
                        + ") does not say this; quote it word for word"));
            }
            if (rows != null && claim.series() == null) {
                problems.add(new Problem(located.file(), located.line(), where + "'series' is required; the rows are: "
                        + rows));
            } else if (rows != null && statistics.row(claim.series()).isEmpty()) {
                problems.add(new Problem(located.file(), located.line(), where + "series '" + claim.series()
                        + "' is not a row of the statistics; the rows are: " + rows));
            }
            for (String lacking : new String[] {Labels.lacking("caveat", claim.caveat(), false),
                    Labels.lacking("not_testable", claim.notTestable(), false)}) {
                if (lacking != null) {
                    problems.add(new Problem(located.file(), located.line(), where + lacking));
                }
            }
            if (!DIRECTIONS.contains(String.valueOf(claim.direction()))) {
                problems.add(new Problem(located.file(), located.line(), where + "direction '" + claim.direction()
                        + "' is not up, down or steady"));
            }
        }
    }

    private static String profileText(Path profile, List<Problem> problems) {
        try {
            return TextFiles.read(profile);
        } catch (NoSuchFileException e) {
            problems.add(new Problem(profile.toString(), 0, "file not found: the claims quote the profile, which must"
                    + " sit beside them"));
        } catch (IOException e) {
            problems.add(new Problem(profile.toString(), 0, "cannot read: " + e.getMessage()));
        }
        return null;
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
