package org.policyclassifier.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyclassifier.RuleFolders;
import org.policyclassifier.TestPaths;
import org.policyclassifier.errors.InvalidInputException;
import org.policyclassifier.facts.Vocabulary;
import org.policyclassifier.rules.EngineSettings;

/** Facts kept read and analysed between runs: the same answers, and an edited facts file is never missed. */
class FactsSnapshotTest {

    @TempDir
    Path temp;

    static final List<String> QUESTIONS = List.of("tobacco", "needle exchange Charleroi", "spuitenruil in Gent",
            "échange de seringues à Liège", "cannabisteelt", "gevangenis drugs programma", "Beveren",
            "sharps swap", "drug");

    private Path copyOfFacts() {
        return RuleFolders.copyBundledFacts(temp.resolve("facts"));
    }

    private static List<String> cacheFiles(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every question answered (or refused) by a service loading its facts with this cache, as JSON-ready records. */
    private static List<Answer> answers(Path facts, Path cache) throws Exception {
        QueryService service = QueryService.load(TestPaths.RULES, facts, EngineSettings.DEFAULTS,
                cache == null ? null : new FactsCache(cache, "build"), null);
        return QUESTIONS.stream().map(q -> {
            try {
                return service.ask(Question.of(q));
            } catch (InvalidInputException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    @Test
    void aSnapshotHoldsTheVocabularyAndItsAnalysisAsReadFromTheFiles() throws Exception {
        Path cache = temp.resolve("cache");
        Reader fresh = new Reader(Vocabulary.load(TestPaths.FACTS), new Analysis());
        assertNull(FactsSnapshot.of(new FactsCache(cache, "build"), TestPaths.FACTS).read(new Analysis()));
        FactsSnapshot.of(new FactsCache(cache, "build"), TestPaths.FACTS).store(fresh);

        Reader kept = FactsSnapshot.of(new FactsCache(cache, "build"), TestPaths.FACTS).read(new Analysis());
        assertNotNull(kept);
        Vocabulary a = fresh.vocabulary();
        Vocabulary b = kept.vocabulary();
        assertEquals(List.copyOf(a.levels()), List.copyOf(b.levels()));
        assertEquals(List.copyOf(a.settings()), List.copyOf(b.settings()));
        assertEquals(List.copyOf(a.substances()), List.copyOf(b.substances()));
        assertEquals(List.copyOf(a.interventionTypes()), List.copyOf(b.interventionTypes()));
        assertEquals(List.copyOf(a.offenceCategories()), List.copyOf(b.offenceCategories()));
        assertEquals(a.places(), b.places());
        assertEquals(a.actorIds(), b.actorIds());
        a.actorIds().forEach(id -> assertEquals(a.actor(id), b.actor(id)));
        a.levels().forEach(l -> assertEquals(a.objective(l.id()), b.objective(l.id())));
        assertEquals(fresh.analysed(), kept.analysed());
        assertFalse(kept.analysed().isEmpty());
    }

    @Test
    void questionsAreAnsweredAlikeWithAndWithoutTheSnapshot() throws Exception {
        Path cache = temp.resolve("cache");
        List<Answer> withoutCache = answers(TestPaths.FACTS, null);
        assertEquals(withoutCache, answers(TestPaths.FACTS, cache)); // reads the files, keeps a snapshot
        List<String> kept = cacheFiles(cache);
        assertEquals(1, kept.size());
        assertEquals(withoutCache, answers(TestPaths.FACTS, cache)); // reads the snapshot
        assertEquals(kept, cacheFiles(cache));
    }

    /** Classifying takes the facts of a question's snapshot, and only while its files are unchanged. */
    @Test
    void classifyingReadsTheFactsOfTheSnapshotOfTheseFilesOnly() throws Exception {
        Path cache = temp.resolve("cache");
        Path facts = copyOfFacts();
        FactsCache kept = new FactsCache(cache, "build");
        Vocabulary read = kept.vocabulary(facts); // no snapshot yet: read from the files, none stored
        assertFalse(Files.exists(cache) && !cacheFiles(cache).isEmpty());
        answers(facts, cache); // a question stores one
        Vocabulary snapshot = kept.vocabulary(facts);
        assertEquals(read.places(), snapshot.places());
        assertEquals(List.copyOf(read.interventionTypes()), List.copyOf(snapshot.interventionTypes()));
        assertNotNull(FactsSnapshot.of(kept, facts).vocabulary());

        RuleFolders.edit(facts.resolve("intervention-types.json"), "\"en\": [\"syringe exchange\",",
                "\"en\": [\"sharps swap\", \"syringe exchange\",");
        assertNull(FactsSnapshot.of(kept, facts).vocabulary());
        assertTrue(kept.vocabulary(facts).interventionTypes().stream()
                .anyMatch(t -> t.toString().contains("sharps swap")));
        RuleFolders.edit(facts.resolve("intervention-types.json"), "\"sharps swap\",", "\"sharps swap\" ");
        assertThrows(InvalidInputException.class, () -> kept.vocabulary(facts));
    }

    @Test
    void anEditedFactsFileIsReadAfresh() throws Exception {
        Path cache = temp.resolve("cache");
        Path facts = copyOfFacts();
        Answer before = answers(facts, cache).get(QUESTIONS.indexOf("sharps swap"));
        assertFalse(before.answered());

        RuleFolders.edit(facts.resolve("intervention-types.json"), "\"en\": [\"syringe exchange\",",
                "\"en\": [\"sharps swap\", \"syringe exchange\",");
        assertNull(FactsSnapshot.of(new FactsCache(cache, "build"), facts).read(new Analysis()));
        Answer after = answers(facts, cache).get(QUESTIONS.indexOf("sharps swap"));
        assertTrue(after.answered());
        assertEquals("needle_exchange", after.decision().subject());
        assertEquals(2, cacheFiles(cache).size());

        // An edit that breaks a file is reported as without a snapshot, not hidden by the one kept.
        RuleFolders.edit(facts.resolve("intervention-types.json"), "\"sharps swap\",", "\"sharps swap\" ");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> answers(facts, cache));
        assertTrue(e.problems().get(0).toString().startsWith(facts.resolve("intervention-types.json") + ":"),
                e.problems().toString());
    }

    @Test
    void aSnapshotOfOtherBytesOrOfAnotherBuildIsNotUsedAndOtherBuildsAreDeleted() throws Exception {
        Path cache = temp.resolve("cache");
        Path facts = copyOfFacts();
        Reader bundled = new Reader(Vocabulary.load(TestPaths.FACTS), new Analysis());
        FactsSnapshot.of(new FactsCache(cache, "one"), TestPaths.FACTS).store(bundled);
        assertNull(FactsSnapshot.of(new FactsCache(cache, "two"), TestPaths.FACTS).read(new Analysis()));

        // A folder whose snapshot file holds another folder's snapshot (as a checksum shared by chance would).
        RuleFolders.edit(facts.resolve("settings.json"), "\"jail\"", "\"gaol\"");
        FactsSnapshot edited = FactsSnapshot.of(new FactsCache(cache, "one"), facts);
        edited.store(new Reader(Vocabulary.load(facts), new Analysis()));
        assertNotNull(edited.read(new Analysis()));
        List<String> files = cacheFiles(cache);
        assertEquals(2, files.size());
        Path swap = cache.resolve("swap");
        Files.move(cache.resolve(files.get(0)), swap);
        Files.move(cache.resolve(files.get(1)), cache.resolve(files.get(0)));
        Files.move(swap, cache.resolve(files.get(1)));
        assertNull(edited.read(new Analysis()));
        assertNull(FactsSnapshot.of(new FactsCache(cache, "one"), TestPaths.FACTS).read(new Analysis()));

        // Build "one" is gone once "two" runs: its snapshots are deleted.
        FactsSnapshot.of(new FactsCache(cache, "two"), TestPaths.FACTS).store(bundled);
        assertEquals(1, cacheFiles(cache).size());
        assertNotNull(FactsSnapshot.of(new FactsCache(cache, "two"), TestPaths.FACTS).read(new Analysis()));
    }

    @Test
    void aDamagedSnapshotIsIgnoredAndReplaced() throws Exception {
        Path cache = temp.resolve("cache");
        List<Answer> expected = answers(TestPaths.FACTS, cache);
        Path kept = cache.resolve(cacheFiles(cache).get(0));
        Files.write(kept, Arrays.copyOf(Files.readAllBytes(kept), 1000));
        assertNull(FactsSnapshot.of(new FactsCache(cache, "build"), TestPaths.FACTS).read(new Analysis()));
        assertEquals(expected, answers(TestPaths.FACTS, cache));
        assertTrue(Files.size(kept) > 1000, "the damaged snapshot was not replaced");
    }
}
