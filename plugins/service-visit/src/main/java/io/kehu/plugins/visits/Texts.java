package io.kehu.plugins.visits;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Labels and formatted times for the screens: option labels, never codes; dates in the server's time zone. */
final class Texts {

    static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Texts() {
    }

    /** "2026-03-02 09:00–10:30" (the end's date only when it is another day). */
    static String span(OffsetDateTime start, OffsetDateTime end) {
        if (start == null) {
            return "";
        }
        String from = DAY_TIME.format(start.atZoneSameInstant(ZONE));
        if (end == null) {
            return from;
        }
        boolean sameDay = start.atZoneSameInstant(ZONE).toLocalDate().equals(end.atZoneSameInstant(ZONE).toLocalDate());
        return from + "–" + (sameDay ? TIME : DAY_TIME).format(end.atZoneSameInstant(ZONE));
    }

    static String time(OffsetDateTime at) {
        return at == null ? "" : TIME.format(at.atZoneSameInstant(ZONE));
    }

    static String dayTime(OffsetDateTime at) {
        return at == null ? "" : DAY_TIME.format(at.atZoneSameInstant(ZONE));
    }

    /** A status in both languages (for vetoes, which are shown in the reader's language by the platform). */
    static LocalText status(PluginContext context, VisitStatus status) {
        return context.messages().text("status." + status.code());
    }

    static String status(PluginContext context, Object code, Locale locale) {
        return VisitStatus.of(code).map(s -> context.messages().get("status." + s.code(), locale)).orElse("");
    }

    static String result(PluginContext context, Object code, Locale locale) {
        return code == null ? context.messages().get("result.open", locale)
                : context.messages().get("result." + code, locale);
    }

    /** A visit type's name in the reader's language. */
    static String typeName(RecordData type, Locale locale) {
        Object en = type.get("name_en");
        return !"zh".equals(locale.getLanguage()) && en != null && !en.toString().isBlank() ? en.toString()
                : (String) type.get("name");
    }

    /** A checklist line's text in the reader's language. */
    static String item(RecordData check, Locale locale) {
        Object en = check.get("item_en");
        return !"zh".equals(locale.getLanguage()) && en != null && !en.toString().isBlank() ? en.toString()
                : (String) check.get("item");
    }
}
