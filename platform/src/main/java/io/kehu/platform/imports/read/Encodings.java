package io.kehu.platform.imports.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text encodings a CSV file may come in, and the guess: a UTF-8 BOM or bytes that are valid UTF-8 throughout mean
 * UTF-8, anything else GB18030 (a superset of GBK and GB2312, what Excel on a Chinese Windows saves). The whole file
 * is checked, streamed, since the first non-ASCII byte may come late.
 */
public final class Encodings {

    public static final Charset GB18030 = Charset.forName("GB18030");
    /** The choices offered to the user. */
    public static final List<Charset> CHOICES = List.of(StandardCharsets.UTF_8, GB18030);

    private Encodings() {
    }

    /** The guessed encoding of {@code file}. */
    public static Charset guess(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(3);
            if (hasBom(start)) {
                return StandardCharsets.UTF_8;
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
            CharBuffer chars = CharBuffer.allocate(64 * 1024);
            bytes.put(start);
            int read = 0;
            while (read >= 0) {
                read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read > 0) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = utf8.decode(bytes, chars, read < 0);
                if (result.isError()) {
                    return GB18030;
                }
                chars.clear();
                bytes.compact();
            }
            bytes.flip();
            try {
                utf8.decode(bytes);
            } catch (CharacterCodingException e) {
                return GB18030;
            }
            return StandardCharsets.UTF_8;
        }
    }

    static boolean hasBom(byte[] start) {
        return start.length >= 3 && (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf;
    }
}
