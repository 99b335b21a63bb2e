package io.kehu.platform.security;

/**
 * Removes invisible characters that make stored text lie about itself: bidirectional controls (e.g. U+202E
 * RIGHT-TO-LEFT OVERRIDE turns {@code RTL\u202Etxt.exe} into what reads as "RTLexe.txt"), zero-width spaces and
 * joiners-without-purpose, the byte-order mark, and C0/C1 control characters other than tab and line breaks.
 *
 * <p>Kept on purpose: U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER (needed by emoji sequences and by
 * Persian and Indic scripts), tabs and line breaks (multi-line text). Called where text values are converted on the
 * write path, so every writer (screens, imports, plugins, rules) stores the same clean text.
 */
public final class TextSanitizer {

    private TextSanitizer() {
    }

    /** {@code text} without the characters above; the same instance when there was nothing to remove. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** All of these are in the Basic Multilingual Plane, so looking at chars (not code points) is enough. */
    static boolean unsafe(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return (c >= 0x7F && c <= 0x9F)        // DEL and C1 controls
                || c == 0x061C                 // ARABIC LETTER MARK
                || c == 0x180E                 // MONGOLIAN VOWEL SEPARATOR (formerly zero-width)
                || c == 0x200B                 // ZERO WIDTH SPACE
                || c == 0x200E || c == 0x200F  // LEFT-TO-RIGHT / RIGHT-TO-LEFT MARK
                || (c >= 0x202A && c <= 0x202E) // embeddings, pop, overrides
                || (c >= 0x2060 && c <= 0x2064) // WORD JOINER, invisible operators
                || (c >= 0x2066 && c <= 0x2069) // isolates
                || c == 0xFEFF;                // BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE
    }
}
