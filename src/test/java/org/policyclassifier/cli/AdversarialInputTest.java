package org.policyclassifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.cli.ClassifyCommandTest.Run;
import org.policyclassifier.rules.RuleSet;
import org.policyclassifier.rules.EngineSettings;

/** Issue 10, items 11-21: input an adversarial user gives gets the right answer or a clear refusal. */
class AdversarialInputTest {

    private static final String GOOD = "{\"id\": \"c1\", \"kind\": \"offence\", \"category\": \"trade\"}";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Runs {@code script} with bash in the project folder; returns exit code and merged output. */
    private static String[] bash(String script, String path) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        if (path != null) {
            pb.environment().put("PATH", path + ":" + System.getenv("PATH"));
        }
        Process p = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new String[] {String.valueOf(p.exitValue()), out.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void aClosedStandardInputStopsTheRunWithExit3() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] r = bash("'" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' org.policyclassifier.cli.Main classify - <&-", null);
        assertEquals("3", r[0], r[1]);
        assertTrue(r[1].contains("standard input is closed"), r[1]);
        assertFalse(r[1].contains("records read"), r[1]);
    }

    @Test
    void negativeCountsAreUsageErrorsAndExit1SaysWhy() throws Exception {
        String in = write("in.jsonl", GOOD + "\n{\"id\": \"x\"}\n").toString();
        assertEquals(ExitCode.USAGE, ClassifyCommandTest.run("classify", in, "--max-rejects", "-1").exit());
        assertEquals(ExitCode.USAGE, ClassifyCommandTest.run("classify", in, "--cache-mb", "-5").exit());
        Run sample = ClassifyCommandTest.run("classify", TestPaths.FACTS.resolve("cases-sample.jsonl").toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, sample.exit());
        assertTrue(sample.err().endsWith("exit 1: 10 rejected, more than --max-rejects 0\n"), sample.err());
    }

    @Test
    void textAfterAJsonArrayIsAnError() throws Exception {
        Run r = ClassifyCommandTest.run("classify", write("in.json", "[" + GOOD + "]\n trailing").toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("in.json:2: text after the closing ']'"), r.err());
    }

    @Test
    void rulesDiffRefusesACaseFileWithoutACaseAndNamesBytesThatAreNotUtf8() throws Exception {
        Path csv = write("readme.csv", "id,kind\nc1,offence\n");
        Cli r = Cli.run("rules", "diff", "--base", TestPaths.RULES.toString(), "--cases", csv.toString(),
                "--fail-on-change");
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("no case record to compare"), r.err());

        Path garbage = dir.resolve("garbage.jsonl");
        Files.write(garbage, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}', '\n', (byte) 0xFF, (byte) 0xFE, '\n'});
        Cli g = Cli.run("rules", "diff", "--base", TestPaths.RULES.toString(), "--cases", garbage.toString());
        assertEquals(ExitCode.INVALID_INPUT, g.exit(), g.err());
        assertTrue(g.err().contains(garbage + ":1: not compared: not UTF-8 text"), g.err());
        assertTrue(g.err().contains(garbage + ":2: not compared: not UTF-8 text"), g.err());
        assertFalse(g.err().contains("Input length"), g.err());
    }

    @Test
    void rulesCheckReportsEveryProblemOfEveryFileAndAFieldTypoAtItsLine() throws Exception {
        Path rules = RuleFolders.copyBundled(dir.resolve("rules"));
        Files.writeString(rules.resolve("notes.txt"), "remember to ask Justice\n");
        Files.writeString(rules.resolve("zz.drl"), "package policy.zz\nimport org.policyclassifier.classify.*;\n"
                + "rule \"ZZ-001 Broken\"\n    @id(\"ZZ-001\")\n    @source(\"Statistics:\")\nwhen\n"
                + "    $c : Case( kind == \n");
        // "substance" is also a word of SCOPE-002's @source: the typo is on the condition's line.
        RuleFolders.edit(rules.resolve("scope.drl"), "objective != null, substances contains",
                "objective != null, substance contains");
        Cli r = Cli.run("rules", "check", "--rules", rules.toString());
        assertEquals(ExitCode.INVALID_INPUT, r.exit(), r.out());
        assertTrue(r.out().contains(rules.resolve("notes.txt") + ": [error] not a rule file"), r.out());
        assertTrue(r.out().contains(rules.resolve("scope.drl") + ":24: [error] Case has no field 'substance'"),
                r.out());
        assertTrue(r.out().contains(rules.resolve("zz.drl") + ":"), r.out());
        assertFalse(r.out().contains("Stack trace") || r.out().contains("java.lang"), r.out());
        assertTrue(r.out().endsWith("3 problems\n"), r.out());
    }

    @Test
    void factsFilesSavedWithAByteOrderMarkAreRead() throws Exception {
        Path facts = dir.resolve("facts");
        Files.createDirectories(facts);
        try (Stream<Path> files = Files.walk(TestPaths.FACTS)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(TestPaths.FACTS.resolve("sources")))
                    .toList()) {
                byte[] bytes = Files.readAllBytes(f);
                byte[] marked = new byte[bytes.length + 3];
                marked[0] = (byte) 0xEF;
                marked[1] = (byte) 0xBB;
                marked[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, marked, 3, bytes.length);
                Path copy = facts.resolve(TestPaths.FACTS.relativize(f).toString());
                Files.createDirectories(copy.getParent());
                Files.write(copy, f.toString().endsWith(".jsonl") ? bytes : marked);
            }
        }
        Cli q = Cli.run("query", "needle exchange", "--facts", facts.toString());
        assertEquals(ExitCode.OK, q.exit(), q.err());
        Cli t = Cli.run("trends", "--facts", facts.toString());
        assertEquals(ExitCode.OK, t.exit(), t.err());
        Cli check = Cli.run("rules", "check", "--facts", facts.toString());
        assertEquals(ExitCode.OK, check.exit(), check.out() + check.err());
    }

    @Test
    void theLauncherLinkedOntoThePathFindsItsProject() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path stubs = Files.createDirectories(dir.resolve("stubs"));
        // Stand-ins for the JDK and Maven: this test is about where the script looks, not about Java.
        Files.writeString(stubs.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
        Files.writeString(stubs.resolve("mvn"), "#!/bin/sh\nexit 0\n");
        for (Path s : List.of(stubs.resolve("java"), stubs.resolve("mvn"))) {
            s.toFile().setExecutable(true);
        }
        Path project = Path.of("").toAbsolutePath();
        Files.createSymbolicLink(bin.resolve("policy"), project.resolve("policy"));
        // POLICY_JAVA=java: the stub on the PATH, not a newer JDK the launcher would find in /usr/lib/jvm.
        String[] r = bash("cd '" + dir + "' && POLICY_JAVA=java '" + bin.resolve("policy") + "' --version",
                stubs.toString());
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("-Dpolicy.home=" + project + " "), r[1]);
    }

    @Test
    void theCompiledRulesCacheIsReadableByOtherUsers() throws Exception {
        Path cache = dir.resolve("cache");
        RuleSet.compile(TestPaths.RULES, EngineSettings.DEFAULTS.withRulesCache(cache));
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), all::toString);
            assertTrue(Files.getPosixFilePermissions(all.get(0)).contains(PosixFilePermission.OTHERS_READ));
        }
    }

    @Test
    void belgianExcelCsvWithSemicolonsUtf16AndCapitalisedHeadersIsRead() throws Exception {
        String table = "ID;Kind;Type;Category;Place;Substances\r\n"
                + "c1;intervention;needle_exchange;;Charleroi;\r\n"
                + "c2;offence;;trade;Liège;\"cannabis;cocaine\"\r\n";
        Path semicolons = write("excel.csv", table);
        Run r = ClassifyCommandTest.run("classify", semicolons.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertEquals(2, r.out().lines().count());

        Path utf16 = dir.resolve("excel-utf16.csv");
        byte[] text = table.getBytes(StandardCharsets.UTF_16LE);
        byte[] marked = new byte[text.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(text, 0, marked, 2, text.length);
        Files.write(utf16, marked);
        Run u = ClassifyCommandTest.run("classify", utf16.toString());
        assertEquals(ExitCode.OK, u.exit(), u.err());
        assertEquals(r.out(), u.out());

        Path tabs = write("tabs.csv", table.replace(';', '\t').replace("\"cannabis\tcocaine\"", "cannabis;cocaine"));
        Run t = ClassifyCommandTest.run("classify", tabs.toString(), "--csv-separator", "tab");
        assertEquals(ExitCode.OK, t.exit(), t.err());
        assertEquals(r.out(), t.out());
    }

    @Test
    void aKeyGivenTwiceIsRejectedAndAnEmptyIdIsCalledEmpty() throws Exception {
        Path rejects = dir.resolve("rejects.jsonl");
        Run r = ClassifyCommandTest.run("classify", write("in.jsonl", "{\"id\": \"a\", \"id\": \"b\", \"kind\": \"offence\","
                + " \"category\": \"trade\"}\n{\"id\": \"\", \"kind\": \"offence\", \"category\": \"trade\"}\n")
                .toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit());
        assertTrue(r.err().contains(":1: rejected: field 'id' is given twice"), r.err());
        assertTrue(r.err().contains(":2: rejected: field 'id': empty"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void controlCharactersFromTheInputAreEscapedInMessages() throws Exception {
        Run r = ClassifyCommandTest.run("classify", write("in.jsonl", "{\"id\": \"a\", \"kind\": \"offence\","
                + " \"category\": \"\\u001b[31mRed\\u001b[0m\"}\n").toString());
        assertEquals(ExitCode.NO_ANSWER_OR_REJECTED, r.exit());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertTrue(r.err().contains("\\u001B[31mRed"), r.err());
    }

    @Test
    void controlCharactersAreEscapedInEveryMessageOfTheRealEntryPoint() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] r = bash("'" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' org.policyclassifier.cli.Main query $'\\e[31mneedle' </dev/null", null);
        assertFalse(r[1].contains("\u001b"), r[1]);
        assertTrue(r[1].contains("\\u001B[31mneedle"), r[1]);
    }
}
