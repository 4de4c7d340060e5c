package org.policyclassifier.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** {@link Utf8#valid} says what the JDK's strict decoder says, for any bytes. */
class Utf8Test {

    private static boolean jdkValid(byte[] b, int from, int to) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void theEdgesOfEachFormAgreeWithTheJdk() {
        String[] cases = {"", "41", "c3a9", "c2", "c080", "c1bf", "c280", "dfbf", "e0a080", "e09fbf", "efbfbd",
            "eda080", "ed9fbf", "eebfbf", "f0908080", "f08fbfbf", "f48fbfbf", "f4908080", "f5808080", "ff", "80",
            "e282", "f09f98", "4c69c3a8676520", "e282ac41", "c3"};
        for (String hex : cases) {
            byte[] b = HexFormat.of().parseHex(hex);
            assertEquals(jdkValid(b, 0, b.length), Utf8.valid(b, 0, b.length), hex);
        }
    }

    @Property(tries = 3000)
    void anyBytesAgreeWithTheJdk(@ForAll("utf8ish") byte[] b) {
        assertEquals(jdkValid(b, 0, b.length), Utf8.valid(b, 0, b.length), HexFormat.of().formatHex(b));
        if (b.length > 2) {
            assertEquals(jdkValid(b, 1, b.length - 1), Utf8.valid(b, 1, b.length - 1), HexFormat.of().formatHex(b));
        }
    }

    /** Mostly bytes that start, continue or break UTF-8 forms, so that most arrays are near the edge. */
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x41, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F,
                (byte) 0xA0, (byte) 0xBF, (byte) 0xC0, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED,
                (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, interesting),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(12);
    }
}
