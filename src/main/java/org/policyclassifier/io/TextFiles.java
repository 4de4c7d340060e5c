package org.policyclassifier.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole UTF-8 text file (facts, rules, a profile) as editors save it: a byte-order mark at
 * the start (Notepad, Excel) is dropped, UTF-16 with its byte-order mark (Excel's "Unicode text")
 * is read as such, and bytes that are not UTF-8 are named by their line.
 */
public final class TextFiles {

    private static final char BOM = '\uFEFF';

    private TextFiles() {
    }

    public static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // Excel's "Unicode text" and Notepad's "Unicode": UTF-16 with its byte-order mark.
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            return withoutBom(new String(bytes, StandardCharsets.UTF_16));
        }
        // The String constructor decodes fast (it is intrinsic), replacing bad bytes with U+FFFD: without
        // one in the text, every byte was UTF-8. The decoder below tells a U+FFFD written in the file from
        // bad bytes, and which line holds them.
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return withoutBom(fast);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text;
        try {
            text = decoder.decode(in);
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text: line " + lineAt(bytes, firstBadByte(bytes))
                    + " holds bytes that are not UTF-8; save the file as UTF-8");
        }
        return withoutBom(text.toString());
    }

    private static String withoutBom(String s) {
        return !s.isEmpty() && s.charAt(0) == BOM ? s.substring(1) : s;
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
