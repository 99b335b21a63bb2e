package io.kehu.platform.records.values;

import static io.kehu.platform.records.values.TextValues.text;
import static io.kehu.platform.records.values.ValueErrors.invalid;

import io.kehu.platform.forms.FieldDefinition;
import java.util.regex.Pattern;

/** E-mail addresses, phone numbers (mainland mobiles, landlines, international) and web addresses. */
public final class ContactValues {

    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]+@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
                    + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*\\.\\p{L}{2,}");
    private static final Pattern URL = Pattern.compile("(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?");

    private ContactValues() {
    }

    public static String email(FieldDefinition field, Object raw) {
        String text = text(field, raw);
        if (!plainEmail(text) && !EMAIL.matcher(text).matches()) {
            throw invalid(field, "email", "“%s”不是有效的电子邮箱地址", "“%s” is not a valid e-mail address");
        }
        return text;
    }

    /**
     * Whether {@code s} is an ASCII address such as {@code li.qiang+crm@example.com.cn}: letters, digits and
     * {@code ._%+-} before the @, dot-separated labels of letters, digits and inner hyphens after it, the last of two
     * or more letters. Every such address matches {@link #EMAIL}; it is checked without the regular expression
     * (every row of an import and every e-mail its duplicate look-up asks for passes here).
     */
    private static boolean plainEmail(String s) {
        int at = s.indexOf('@');
        if (at < 1) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (!asciiLetterOrDigit(c) && c != '.' && c != '_' && c != '%' && c != '+' && c != '-') {
                return false;
            }
        }
        int labelStart = at + 1;
        int labels = 0;
        for (int i = labelStart; i <= s.length(); i++) {
            if (i < s.length() && s.charAt(i) != '.') {
                char c = s.charAt(i);
                if (!asciiLetterOrDigit(c) && c != '-') {
                    return false;
                }
                continue;
            }
            if (i == labelStart || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                return false;
            }
            labels++;
            if (i == s.length()) {
                if (labels < 2 || i - labelStart < 2) {
                    return false;
                }
                for (int j = labelStart; j < i; j++) {
                    char c = s.charAt(j);
                    if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                        return false;
                    }
                }
            }
            labelStart = i + 1;
        }
        return true;
    }

    private static boolean asciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * Accepts mainland China mobiles ({@code 138 0013 8000}), landlines ({@code 010-12345678},
     * {@code 0571-8888888}) and international numbers ({@code +44 20 7946 0958}); keeps what the user typed, with
     * runs of spaces collapsed.
     */
    public static String phone(FieldDefinition field, Object raw) {
        String typed = text(field, raw);
        if (mobile(typed)) {
            // most phones of an import (and every look-up of a stored form) are eleven digits: no regex needed
            return typed;
        }
        // Hand-written rather than regular expressions: each row of an import passes here seven times (its phone
        // and the six forms its duplicate look-up asks for, see MatchKeys.storedForms).
        String text = collapseSpaces(typed);
        if (!validCompact(text)) {
            throw invalid(field, "phone", "“%s”不是有效的电话号码（手机、固话如 010-12345678 或 +国家码）",
                    "“%s” is not a valid phone number (mobile, landline such as 010-12345678, or +country code)");
        }
        return text;
    }

    /** Mainland China mobile numbers: 11 digits starting 13-19. */
    private static boolean mobile(String s) {
        return s.length() == 11 && s.charAt(0) == '1' && s.charAt(1) >= '3' && s.charAt(1) <= '9' && digits(s, 2);
    }

    /**
     * Whether {@code text} without its separators (white space, {@code -}, brackets) is a mainland mobile (11 digits
     * starting 13-19), a mainland landline (area code 0xx or 0xxx, then 7 or 8 digits: 0 and 9 to 11 digits) or an
     * international number (E.164-like: + country code and up to 15 digits in all), checked in one pass without
     * building that text.
     */
    private static boolean validCompact(String text) {
        int n = 0;
        char first = 0;
        char second = 0;
        boolean digitsFromSecond = true;
        boolean digitsFromThird = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (space(c) || c == '-' || c == '(' || c == ')') {
                continue;
            }
            boolean digit = c >= '0' && c <= '9';
            if (n == 0) {
                first = c;
            } else {
                second = n == 1 ? c : second;
                digitsFromSecond &= digit;
                digitsFromThird &= digit || n == 1;
            }
            n++;
        }
        boolean mobile = n == 11 && first == '1' && second >= '3' && second <= '9' && digitsFromSecond;
        boolean landline = n >= 10 && n <= 12 && first == '0' && digitsFromSecond;
        boolean international = n >= 8 && n <= 16 && first == '+' && second >= '1' && second <= '9'
                && digitsFromThird;
        return mobile || landline || international;
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

    /** White space as {@code \s} means it: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Runs of white space as one space. */
    private static String collapseSpaces(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = !space(c) || c == ' ' && (i + 1 == s.length() || !space(s.charAt(i + 1)));
        }
        if (plain) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (space(c)) {
                if (!inSpace) {
                    b.append(' ');
                }
                inSpace = true;
            } else {
                b.append(c);
                inSpace = false;
            }
        }
        return b.toString();
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
