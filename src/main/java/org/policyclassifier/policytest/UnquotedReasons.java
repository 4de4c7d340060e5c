package org.policyclassifier.policytest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.errors.Problem;
import org.policyclassifier.profile.ProfileText;

/**
 * Why a profile sentence is quoted by no rule: {@value #FILE} in the rules folder, a Markdown list
 * that policy staff edit, one entry a line: {@code - "the sentence" — the reason}. Other lines
 * (headings, prose) are left to the reader. A missing file means no reasons.
 */
public final class UnquotedReasons {

    public static final String FILE = "unquoted-sentences.md";
    private static final Pattern ENTRY = Pattern.compile("^-\\s+\"(.+?)\"\\s+[—–-]+\\s+(\\S.*)$");

    private UnquotedReasons() {
    }

    /** The reasons by sentence (normalised), in file order. */
    public static Map<String, String> read(Path rulesDir) throws InvalidInputException {
        Path file = rulesDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Map.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(file.toString(), 0, "cannot read: " + e.getMessage()));
        }
        Map<String, String> reasons = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("- \"")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (!m.matches()) {
                problems.add(new Problem(file.toString(), i + 1, "expected - \"the sentence\" — the reason"));
            } else if (reasons.putIfAbsent(ProfileText.normalise(m.group(1)), m.group(2).strip()) != null) {
                problems.add(new Problem(file.toString(), i + 1, "this sentence is listed twice"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return reasons;
    }
}
