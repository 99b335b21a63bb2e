package io.kehu.plugins.visits;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Signature strokes as stored: an SVG path of integer points. A long signature is thinned (every other point of each
 * stroke dropped, first and last kept) until it fits the field; a path that is not made of M/L points is refused, so
 * nothing but strokes is stored and replayed into an SVG.
 */
final class Strokes {

    /** Longer input is not a signature (a pad of 340×180 pixels drawn for minutes is far below this). */
    static final int MAX_INPUT = 500_000;

    private static final Pattern POINT = Pattern.compile("[ML]-?\\d{1,5},-?\\d{1,5}");

    private Strokes() {
    }

    /** The path, thinned to at most {@code maxLength} characters; empty when it is not a valid stroke path. */
    static String fit(String path, int maxLength) {
        if (path == null || path.isBlank() || path.length() > MAX_INPUT) {
            return "";
        }
        List<List<String>> strokes = new ArrayList<>();
        for (String token : path.strip().split("\\s+")) {
            if (!POINT.matcher(token).matches() || (strokes.isEmpty() && token.charAt(0) != 'M')) {
                return "";
            }
            if (token.charAt(0) == 'M') {
                strokes.add(new ArrayList<>());
            }
            strokes.getLast().add(token.substring(1));
        }
        String text = write(strokes);
        while (text.length() > maxLength) {
            boolean thinned = false;
            for (List<String> stroke : strokes) {
                if (stroke.size() > 2) {
                    List<String> kept = new ArrayList<>();
                    for (int i = 0; i < stroke.size(); i++) {
                        if (i % 2 == 0 || i == stroke.size() - 1) {
                            kept.add(stroke.get(i));
                        }
                    }
                    thinned |= kept.size() < stroke.size();
                    stroke.clear();
                    stroke.addAll(kept);
                }
            }
            if (!thinned) {
                return "";
            }
            text = write(strokes);
        }
        return text;
    }

    private static String write(List<List<String>> strokes) {
        StringBuilder out = new StringBuilder();
        for (List<String> stroke : strokes) {
            for (int i = 0; i < stroke.size(); i++) {
                out.append(out.isEmpty() ? "" : " ").append(i == 0 ? 'M' : 'L').append(stroke.get(i));
            }
        }
        return out.toString();
    }

    /** An inline SVG of the strokes (for the signed visit and the review). */
    static String svg(String path) {
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + SignaturePad.WIDTH + " " + SignaturePad.HEIGHT
                + "' width='" + SignaturePad.WIDTH / 2 + "' height='" + SignaturePad.HEIGHT / 2 + "'><path d='"
                + fit(path, 10000) + "' fill='none' stroke='#1a1a1a' stroke-width='3' stroke-linecap='round'/></svg>";
    }
}
