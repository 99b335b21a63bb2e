package io.kehu.platform.security;

/**
 * Text safe to put in a spreadsheet cell: spreadsheet programs run text that starts with {@code = + - @}, a tab or a
 * carriage return as a formula, so such text gets an apostrophe in front ({@code =HYPERLINK(...)} as a customer name
 * cannot attack whoever opens the export). Shared by the list views' export and the plugins' export (SDK).
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** {@code text}, with an apostrophe in front when it would start a formula. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
