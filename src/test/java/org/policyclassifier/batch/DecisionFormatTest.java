package org.policyclassifier.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyclassifier.cases.CaseRecord;
import org.policyclassifier.classify.Case;
import org.policyclassifier.classify.Classifier;
import org.policyclassifier.classify.Decision;
import org.policyclassifier.classify.DecisionWording;
import org.policyclassifier.facts.Words;
import org.policyclassifier.io.OutputFormat;

/** A decision rendered once and written for many records. */
class DecisionFormatTest {

    /**
     * Charleroi's and Mons' needle exchanges differ only in the municipality the local
     * authorities' name holds: rendered with a slot for it, Charleroi's decision names no
     * municipality and, written for a record in Mons, gives the bytes of Mons' own decision.
     */
    @Test
    void aDecisionRenderedWithASlotIsWrittenWithEachRecordsMunicipality() throws Exception {
        Classifier classifier = BatchRun.classifier();
        Words words = classifier.vocabulary().words();
        DecisionWording wording = new DecisionWording(words);
        Case charleroi = resolve(classifier, "Charleroi");
        Case mons = resolve(classifier, "Mons");
        List<Decision> decided = classifier.decide(List.of(charleroi, mons));
        for (Words.Language language : words.languages()) {
            DecisionFormat format = DecisionFormat.of(OutputFormat.JSONL, Explain.FULL, 1 << 20, wording, language.id());
            byte[][] slotted = format.render(wording.in(decided.get(0), language.id()), true).parts();
            assertEquals(1, Arrays.stream(slotted).filter(p -> p == DecisionFormat.MUNICIPALITY).count());
            byte[] name = "Charleroi".getBytes(StandardCharsets.UTF_8);
            for (byte[] part : slotted) {
                assertFalse(contains(part, name), new String(part, StandardCharsets.UTF_8));
            }
            byte[][] own = format.render(wording.in(decided.get(1), language.id()), false).parts();
            assertFalse(Arrays.stream(own).anyMatch(p -> p == DecisionFormat.MUNICIPALITY));
            DecisionFormat.PlaceBytes place = format.place("Mons", mons);
            assertArrayEquals(written(format, place, own), written(format, place, slotted), language.id());
        }
    }

    private static Case resolve(Classifier classifier, String place) throws Exception {
        return classifier.resolve(CaseRecord.of("c", "intervention", "needle_exchange", place, null, null, null), "#0");
    }

    private static byte[] written(DecisionFormat format, DecisionFormat.PlaceBytes place, byte[][] parts)
            throws Exception {
        Bytes out = new Bytes(1 << 10);
        format.write(out, "r1", place, parts);
        return Arrays.copyOf(out.array(), out.size());
    }

    private static boolean contains(byte[] bytes, byte[] text) {
        for (int i = 0; i + text.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + text.length, text, 0, text.length)) {
                return true;
            }
        }
        return false;
    }
}
