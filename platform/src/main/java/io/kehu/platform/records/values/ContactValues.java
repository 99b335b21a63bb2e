package io.kehu.platform.records.values;

import static io.kehu.platform.records.values.TextValues.text;
import static io.kehu.platform.records.values.ValueErrors.invalid;

import io.kehu.platform.forms.FieldDefinition;
import java.util.regex.Pattern;

/** E-mail addresses, phone numbers (mainland mobiles, landlines, international) and web addresses. */
public final class ContactValues {

    /** Mainland China mobile numbers: 11 digits starting 13-19. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Mainland China landlines: area code 0xx or 0xxx, then 7 or 8 digits. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}\\d{7,8}");
    /** International numbers, E.164-like: + country code and up to 15 digits in all. */
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** What a phone number may contain besides digits and a leading +, for readability. */
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*\\.\\p{L}{2,}");
    private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?");

    /** Runs of white space (kept compiled: every phone of a million-row import passes here). */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ContactValues() {
    }

    public static String email(FieldDefinition field, Object raw) {
        String text = text(field, raw);
        if (!EMAIL.matcher(text).matches()) {
            throw invalid(field, "email", "“%s”不是有效的电子邮箱地址", "“%s” is not a valid e-mail address");
        }
        return text;
    }

    /**
     * Accepts mainland China mobiles ({@code 138 0013 8000}), landlines ({@code 010-12345678},
     * {@code 0571-8888888}) and international numbers ({@code +44 20 7946 0958}); keeps what the user typed, with
     * runs of spaces collapsed.
     */
    public static String phone(FieldDefinition field, Object raw) {
        String typed = text(field, raw);
        if (plainMobile(typed)) {
            // most phones of an import (and every look-up of a stored form) are eleven digits: no regex needed
            return typed;
        }
        String text = SPACES.matcher(typed).replaceAll(" ");
        String compact = PHONE_SEPARATORS.matcher(text).replaceAll("");
        boolean valid = MOBILE.matcher(compact).matches() || LANDLINE.matcher(compact).matches()
                || INTERNATIONAL.matcher(compact).matches();
        if (!valid) {
            throw invalid(field, "phone", "“%s”不是有效的电话号码（手机、固话如 010-12345678 或 +国家码）",
                    "“%s” is not a valid phone number (mobile, landline such as 010-12345678, or +country code)");
        }
        return text;
    }

    /** Whether {@code text} is a mainland mobile written as its eleven digits alone (what {@link #MOBILE} matches). */
    private static boolean plainMobile(String text) {
        if (text.length() != 11 || text.charAt(0) != '1' || text.charAt(1) < '3' || text.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < 11; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static String url(FieldDefinition field, Object raw) {
        String text = text(field, raw);
        if (!URL.matcher(text).matches()) {
            throw invalid(field, "url", "“%s”应为以 http:// 或 https:// 开头的网址",
                    "“%s” must be a web address starting with http:// or https://");
        }
        return text;
    }
}
