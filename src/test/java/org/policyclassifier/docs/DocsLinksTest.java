package org.policyclassifier.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every relative link of the README and of docs/ leads to a file that exists, and its #anchor to a heading of it. */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$", Pattern.MULTILINE);
    private static final Pattern FENCE = Pattern.compile("^```.*?^```", Pattern.MULTILINE | Pattern.DOTALL);

    /** The broken links of the Markdown files given, as "file -> target". */
    static List<String> broken(List<Path> pages) throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String text = FENCE.matcher(Files.readString(page)).replaceAll("");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // http:, https:, mailto: are not this test's
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(page + " -> " + target);
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    broken.add(page + " -> " + target + " (no such heading)");
                }
            }
        }
        return broken;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    static List<String> anchors(Path page) throws IOException {
        List<String> anchors = new ArrayList<>();
        if (!page.toString().endsWith(".md")) {
            return anchors;
        }
        Matcher m = HEADING.matcher(FENCE.matcher(Files.readString(page)).replaceAll(""));
        while (m.find()) {
            anchors.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyRelativeLinkAndAnchorOfTheReadmeAndTheDocsResolves() throws IOException {
        assertEquals(List.of(), broken(pages()));
    }

    @Test
    void aBrokenLinkOrAnchorIsFound(@TempDir Path temp) throws IOException {
        Files.writeString(temp.resolve("other.md"), "# Other page\n\n## The decision cache\n");
        Path page = Files.writeString(temp.resolve("page.md"), "[ok](other.md#the-decision-cache) [file](gone.md)"
                + " [anchor](other.md#no-such-part) [web](https://example.org/x)\n```\n[in code](ignored.md)\n```\n");
        assertEquals(List.of(page + " -> gone.md", page + " -> other.md#no-such-part (no such heading)"),
                broken(List.of(page)));
    }
}
