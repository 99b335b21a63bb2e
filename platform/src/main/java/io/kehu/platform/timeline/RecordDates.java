package io.kehu.platform.timeline;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a record "happened": the first date or date-time field of its form (an interaction's 发生时间, a purchase's
 * 购买日期, feedback's 接收时间), else when it was created. Timelines, charts and related-record lists order by it,
 * so a purchase keyed in today for last month sits where it belongs.
 */
public final class RecordDates {

    private RecordDates() {
    }

    /** The field that says when a record of {@code form} happened, if the form has one. */
    public static Optional<FieldDefinition> dateField(FormDefinition form) {
        return form.fields().stream()
                .filter(f -> f.type() == FieldType.DATE || f.type() == FieldType.DATETIME)
                .findFirst();
    }

    /** The column to sort {@code form}'s records by, newest first: its date field or the creation time. */
    public static String sortColumn(FormDefinition form) {
        return dateField(form).map(FieldDefinition::id).orElse(FormTables.CREATED_AT);
    }

    /** A date (midnight in {@code zone}) or date-time value as an instant; {@code null} for anything else. */
    public static Instant instant(Object value, ZoneId zone) {
        return switch (value) {
            case OffsetDateTime t -> t.toInstant();
            case LocalDate d -> d.atStartOfDay(zone).toInstant();
            case null, default -> null;
        };
    }
}
