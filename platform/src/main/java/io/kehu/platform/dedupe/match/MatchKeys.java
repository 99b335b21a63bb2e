package io.kehu.platform.dedupe.match;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What two values must share to be "the same" phone or e-mail. A phone is compared by its digits once full-width
 * forms, spaces, dashes, brackets and the mainland country prefix (+86, 0086, 86 before an 11-digit mobile) are gone;
 * an e-mail trimmed and case-folded. Masked values as exported by other systems ({@code 135******41}, {@code ***},
 * {@code z***@qq.com}) are flagged and never used as keys: two customers whose phones are both masked are not the
 * same customer.
 */
public final class MatchKeys {

    /** A normalised phone: {@code key} (null when unusable), and whether the value was masked or a mainland mobile. */
    public record Phone(String key, boolean masked, boolean mobile) {
    }

    private static final Pattern MASK = Pattern.compile(".*[*•●].*|\\+?\\d*[xX]{2,}\\d*");
    private static final Pattern OTHER_PHONE = Pattern.compile("0\\d{9,11}|\\+[1-9]\\d{6,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）.·]");

    private MatchKeys() {
    }

    /** The comparable form of {@code raw}, or a phone without key when blank, masked or not a phone at all. */
    public static Phone phone(Object raw) {
        if (raw == null) {
            return new Phone(null, false, false);
        }
        String compact = raw.toString();
        if (!digits(compact, 0) || compact.isEmpty()) {
            // NFKC turns full-width digits, plus signs and brackets into their ASCII forms (a value of ASCII digits
            // alone, most phones of a file, has nothing to normalise, trim, unmask or separate)
            String text = Normalizer.normalize(compact, Normalizer.Form.NFKC).trim();
            if (text.isEmpty()) {
                return new Phone(null, false, false);
            }
            if (masked(text)) {
                return new Phone(null, true, false);
            }
            compact = SEPARATORS.matcher(text).replaceAll("");
        }
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
        } else if (compact.startsWith("0086")) {
            compact = compact.substring(4);
        } else if (compact.startsWith("86") && compact.length() == 13 && mobile(compact.substring(2))) {
            compact = compact.substring(2);
        }
        // an optional + and 5 to 15 digits
        int from = compact.startsWith("+") ? 1 : 0;
        int length = compact.length() - from;
        if (length < 5 || length > 15 || !digits(compact, from)) {
            return new Phone(null, false, false);
        }
        return new Phone(compact, false, mobile(compact));
    }

    /** A mainland mobile: 1, then 3 to 9, then nine digits. */
    private static boolean mobile(String s) {
        return s.length() == 11 && s.charAt(0) == '1' && s.charAt(1) >= '3' && s.charAt(1) <= '9' && digits(s, 2);
    }

    private static boolean digits(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The comparable form of an e-mail (trimmed, case-folded), or null when blank or masked. */
    public static String email(Object raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw.toString(), Normalizer.Form.NFKC).trim();
        if (text.isEmpty() || masked(text) || !text.contains("@")) {
            return null;
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** Whether {@code raw} looks masked (contains asterisks or runs of mask characters). */
    public static boolean masked(Object raw) {
        if (raw == null) {
            return false;
        }
        String text = Normalizer.normalize(raw.toString(), Normalizer.Form.NFKC);
        // Only a text with a mask character, or two x in a row, can match: most values skip the regex (it runs
        // several times a row; a single x, as in every "@example.cn", is no mask).
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '•' || c == '●' || (c == 'x' || c == 'X') && i + 1 < text.length()
                    && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
                return MASK.matcher(text).matches();
            }
        }
        return false;
    }

    /**
     * The ways a phone with key {@code key} is likely stored (the write path keeps what the user typed): for an
     * indexed {@code IN} look-up instead of a scan. A mainland mobile {@code 13800138000} is also looked for as
     * {@code 138 0013 8000}, {@code 138-0013-8000} and with {@code +86}. Only forms that are valid phones (the look-up's filter checks them).
     */
    public static java.util.List<String> storedForms(String key) {
        if (key == null) {
            return java.util.List.of();
        }
        if (!mobile(key)) {
            // only forms the phone filter accepts: a landline or an international number
            return OTHER_PHONE.matcher(key).matches() ? java.util.List.of(key) : java.util.List.of();
        }
        String a = key.substring(0, 3);
        String b = key.substring(3, 7);
        String c = key.substring(7);
        return java.util.List.of(key, a + " " + b + " " + c, a + "-" + b + "-" + c, "+86" + key, "+86 " + key,
                "+86 " + a + " " + b + " " + c);
    }
}
