package io.kehu.platform.dedupe.match;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How alike two customer names are, from 0 to 1: one minus the Levenshtein distance (Apache Commons Text) divided by
 * the longer name's length, after normalising both (full-width forms, case, spaces and punctuation, and company
 * suffixes such as 有限公司, 公司, 集团, Co., Ltd. that say nothing about which company it is). Levenshtein rather than
 * Jaro-Winkler because Chinese names are short and a one-character difference should cost the same wherever it is.
 */
public final class NameSimilarity {

    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    private static final Pattern SUFFIXES = Pattern.compile(
            "(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|分公司|工作室|商行|co\\.?,?\\s*ltd\\.?|ltd\\.?|inc\\.?"
                    + "|corp\\.?|llc|gmbh|limited|company|group)$");
    /** The last characters of the {@link #SUFFIXES}. */
    private static final String SUFFIX_ENDS = "司团室行d.cphy";
    private static final Pattern NOISE = Pattern.compile("[\\s\\p{Punct}（）【】《》「」、，。·]");

    private NameSimilarity() {
    }

    /** The comparable form of a name; empty for blank or masked names. */
    public static String normalise(Object raw) {
        if (raw == null || MatchKeys.masked(raw)) {
            return "";
        }
        String s = Normalizer.normalize(raw.toString(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
        String before;
        do {
            before = s;
            String t = s.trim();
            // a suffix ends in one of these characters; other names skip the regex
            s = t.isEmpty() || SUFFIX_ENDS.indexOf(t.charAt(t.length() - 1)) < 0 ? t
                    : SUFFIXES.matcher(t).replaceAll("").trim();
        } while (!s.equals(before) && !s.isEmpty());
        String cleaned = NOISE.matcher(s).replaceAll("");
        return cleaned.isEmpty() ? NOISE.matcher(before).replaceAll("") : cleaned;
    }

    /** 0 (nothing alike, or a name missing) to 1 (the same after normalising). */
    public static double of(Object a, Object b) {
        return ofNormalised(normalise(a), normalise(b));
    }

    /** {@link #of} of two names already {@link #normalise normalised} (null counts as missing). */
    public static double ofNormalised(String x, String y) {
        if (x == null || y == null || x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        int longer = Math.max(x.length(), y.length());
        return 1.0 - (double) LEVENSHTEIN.apply(x, y) / longer;
    }
}
