package org.policyclassifier.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.policyclassifier.TestPaths;

/**
 * The snapshot codec gives back every field of every fact: the answers of a few questions
 * (FactsSnapshotTest) would not notice, say, the Dutch and French labels of one type swapped.
 */
class VocabularyCodecTest {

    @Test
    void theBundledVocabularyComesBackFieldForField() throws Exception {
        Vocabulary original = Vocabulary.load(TestPaths.FACTS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            VocabularyCodec.write(original, out);
        }
        Vocabulary read = VocabularyCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        List<Function<Vocabulary, Object>> parts = List.of(v -> List.copyOf(v.levels()),
                v -> List.copyOf(v.objectives()), v -> List.copyOf(v.settings()), v -> List.copyOf(v.substances()),
                v -> List.copyOf(v.interventionTypes()), v -> List.copyOf(v.offenceCategories()),
                v -> List.copyOf(v.actors()), Vocabulary::places);
        for (Function<Vocabulary, Object> part : parts) {
            assertEquals(part.apply(original), part.apply(read));
        }
    }
}
