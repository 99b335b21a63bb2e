package io.kehu.platform.views;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.records.Money;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.Currency;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Field values as a person reads them in their language: dates and numbers in the locale's format, money with its
 * currency, option labels instead of stored codes, users by name and references by their record's title. The list
 * view, the exports and the history panel share it so a value looks the same everywhere.
 */
final class ValueFormatter {

    private final Locale locale;
    private final ZoneId zone;
    private final UserDirectory users;
    private final ReferenceTitles references;
    private final UnaryOperator<String> texts;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter dateTimes;

    /**
     * @param texts translates a message key of the views bundle (for yes/no)
     */
    ValueFormatter(Locale locale, ZoneId zone, UserDirectory users, ReferenceTitles references,
                   UnaryOperator<String> texts) {
        this.locale = locale;
        this.zone = zone;
        this.users = users;
        this.references = references;
        this.texts = texts;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.dateTimes = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale);
    }

    Locale locale() {
        return locale;
    }

    /** Who made a change, by name in the user's language: see {@link ActorName}. */
    String actor(Long userId, String recordedName) {
        return ActorName.of(userId, recordedName, users, texts);
    }

    ZoneId zone() {
        return zone;
    }

    ReferenceTitles references() {
        return references;
    }

    /** The value as text; empty for an empty value. */
    String format(FieldDefinition field, Object value) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            return "";
        }
        return switch (field.storedType()) {
            case SELECT -> optionLabel(field, value.toString());
            case MULTISELECT -> ((Collection<?>) value).stream().map(v -> optionLabel(field, v.toString()))
                    .collect(Collectors.joining(", "));
            case USER -> users.name((Long) value);
            case REFERENCE -> references.title(field.form(), (Long) value);
            case RATING -> "★".repeat((Integer) value) + "☆".repeat(Math.max(0, 5 - (Integer) value));
            case BOOLEAN -> texts.apply(Boolean.TRUE.equals(value) ? "views.value.yes" : "views.value.no");
            case PERCENT -> number((BigDecimal) value, 0) + " %";
            case DECIMAL -> number((BigDecimal) value, field.scale() == null ? 2 : field.scale());
            default -> plain(value);
        };
    }

    /** Text of a typed value whose field is not known (e.g. a system column). */
    String plain(Object value) {
        return switch (value) {
            case null -> "";
            case Money m -> money(m);
            case LocalDate d -> dates.format(d);
            case OffsetDateTime t -> dateTimes.format(t.atZoneSameInstant(zone));
            case BigDecimal d -> number(d, 0);
            case Long l -> NumberFormat.getIntegerInstance(locale).format(l);
            default -> value.toString();
        };
    }

    String optionLabel(FieldDefinition field, String value) {
        return field.option(value).map(FieldOption::label).filter(l -> !l.isEmpty()).map(l -> l.in(locale))
                .orElse(value);
    }

    String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            format.setCurrency(Currency.getInstance(money.currency()));
        } catch (IllegalArgumentException unknownCurrency) {
            return number(money.amount(), 2) + " " + money.currency();
        }
        return format.format(money.amount());
    }

    private String number(BigDecimal value, int minimumFractionDigits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(minimumFractionDigits);
        format.setMaximumFractionDigits(Math.max(minimumFractionDigits, value.stripTrailingZeros().scale()));
        return format.format(value);
    }
}
