package org.policyclassifier;

import java.nio.file.Path;

/** The bundled folders, as the tests (run from the project root) see them. */
public final class TestPaths {

    public static final Path RULES = Path.of("rules");
    public static final Path FACTS = Path.of("facts");
    public static final Path FIXTURES = Path.of("src/test/resources/fixtures");

    private TestPaths() {
    }
}
