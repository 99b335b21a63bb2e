package io.kehu.platform.records.values;

import static io.kehu.platform.records.values.ValueErrors.notADate;
import static io.kehu.platform.records.values.ValueErrors.notADateTime;

import io.kehu.platform.forms.FieldDefinition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates ({@code 2026-11-23}, {@code 2026年11月23日}) and date-times, kept in UTC with microsecond precision; a date-time
 * without an offset is read in the zone given.
 */
public final class DateValues {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final ZoneId zone;

    public DateValues(ZoneId zone) {
        this.zone = zone;
    }

    public static LocalDate date(FieldDefinition field, Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof CharSequence s) {
            Matcher m = DATE.matcher(s.toString().strip());
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    throw notADate(field);
                }
            }
        }
        throw notADate(field);
    }

    public OffsetDateTime dateTime(FieldDefinition field, Object raw) {
        OffsetDateTime value = switch (raw) {
            case OffsetDateTime o -> o;
            case ZonedDateTime z -> z.toOffsetDateTime();
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            case LocalDateTime l -> l.atZone(zone).toOffsetDateTime();
            case CharSequence s -> parseDateTime(field, s.toString().strip());
            default -> throw notADateTime(field);
        };
        return value.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public OffsetDateTime parseDateTime(FieldDefinition field, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text, LOCAL_DATE_TIME).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw notADateTime(field);
            }
        }
    }
}
