package io.kehu.platform.imports.read;

import java.util.List;

/**
 * Guesses a CSV file's delimiter from its first lines: of comma, semicolon, tab and bar, the one that occurs (outside
 * quotes) the same, non-zero number of times on the most lines; ties go to the earlier in that list.
 */
public final class Delimiters {

    public static final List<Character> CANDIDATES = List.of(',', ';', '\t', '|');

    private Delimiters() {
    }

    public static char sniff(List<String> firstLines) {
        char best = ',';
        int bestScore = -1;
        for (char c : CANDIDATES) {
            int score = score(firstLines, c);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    /** Lines whose count equals the header's count, when the header has the delimiter at all. */
    private static int score(List<String> lines, char delimiter) {
        if (lines.isEmpty()) {
            return 0;
        }
        int header = count(lines.get(0), delimiter);
        if (header == 0) {
            return 0;
        }
        int agreeing = 0;
        for (String line : lines) {
            if (count(line, delimiter) == header) {
                agreeing++;
            }
        }
        return agreeing * 1000 + header;
    }

    private static int count(String line, char delimiter) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                n++;
            }
        }
        return n;
    }
}
