package io.kehu.platform.records;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.values.ChoiceValues;
import io.kehu.platform.records.values.ContactValues;
import io.kehu.platform.records.values.DateValues;
import io.kehu.platform.records.values.NumberValues;
import io.kehu.platform.records.values.TextValues;
import io.kehu.platform.records.values.ValueErrors;
import io.kehu.platform.records.values.ValueErrors.ValueProblem;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns what the UI, an import file or the API hands in (typed values or strings such as {@code "12.5"},
 * {@code "2026-11-23"}, {@code "是"}) into the typed value of a field, and checks it against the field's definition
 * (required, min/max, length, pattern, options, e-mail, phone, url, rating, currency). Pure Java, no database: the
 * record store, import previews and form views share it so a value is judged the same everywhere.
 *
 * <p>Typed values are those listed in {@link RecordValues}. Blank text counts as empty ({@code null}); date-times are
 * kept in UTC with microsecond precision, as both databases store them.
 *
 * <p>This is the front of value handling; the parsing per kind of value lives in {@code records.values}
 * ({@link NumberValues}, {@link DateValues}, {@link ChoiceValues}, {@link ContactValues}, {@link TextValues}).
 */
public final class FieldValues {

    private final DateValues dates;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    /**
     * @param zone the time zone of date-times given without an offset (e.g. {@code 2026-11-23 09:30} from a
     *             spreadsheet)
     */
    public FieldValues(ZoneId zone) {
        this.dates = new DateValues(zone);
    }

    /**
     * The outcome of converting one value: the typed value, or why it could not be converted.
     *
     * @param value the typed value ({@code null} for empty, or when conversion failed)
     * @param error the problem, or {@code null}
     */
    public record Converted(Object value, FieldError error) {

        public boolean ok() {
            return error == null;
        }
    }

    /** Converts {@code raw} (typed or text) to the typed value of {@code field}, without the definition's checks. */
    public Converted convert(FieldDefinition field, Object raw) {
        try {
            return new Converted(toTyped(field, raw), null);
        } catch (ValueProblem e) {
            return new Converted(null, e.error());
        }
    }

    /**
     * The problems of a converted value against its field's definition: required, min/max, length, pattern. Empty
     * when the value is fine.
     */
    public List<FieldError> check(FieldDefinition field, Object value) {
        List<FieldError> errors = new ArrayList<>();
        if (isEmpty(value)) {
            if (field.required()) {
                errors.add(error(field, "required", "“%s”必须填写", "“%s” is required"));
            }
            return errors;
        }
        BigDecimal number = value instanceof Money m ? m.amount() : NumberValues.asDecimal(value);
        if (number != null) {
            if (field.min() != null && number.compareTo(field.min()) < 0) {
                errors.add(error(field, "too_small", "“%s”不能小于 %s", "“%s” must be at least %s",
                        field.min().toPlainString()));
            }
            if (field.max() != null && number.compareTo(field.max()) > 0) {
                errors.add(error(field, "too_large", "“%s”不能大于 %s", "“%s” must be at most %s",
                        field.max().toPlainString()));
            }
        }
        if (value instanceof String text) {
            int maxLength = maxLength(field);
            if (text.length() > maxLength) {
                errors.add(error(field, "too_long", "“%s”最多 %s 个字符", "“%s” must be at most %s characters",
                        String.valueOf(maxLength)));
            }
            if (field.pattern() != null && !field.pattern().isBlank() && field.storedType() != FieldType.SELECT
                    && !matchesPattern(field.pattern(), text)) {
                errors.add(error(field, "pattern", "“%s”的格式不正确", "“%s” does not have the required format"));
            }
        }
        return errors;
    }

    /** Whether a typed value counts as empty: {@code null} or an empty multiselect. */
    public static boolean isEmpty(Object value) {
        return value == null || value instanceof Collection<?> c && c.isEmpty();
    }

    /**
     * The text form of a typed value, as the audit trail and exports write it: ISO dates, plain decimals,
     * {@code 12.50 CNY}, multiselect values joined by commas; {@code null} for empty.
     */
    public static String toText(Object value) {
        if (isEmpty(value)) {
            return null;
        }
        return switch (value) {
            case BigDecimal d -> d.toPlainString();
            case Collection<?> c -> String.join(",", c.stream().map(String::valueOf).toList());
            default -> value.toString();
        };
    }

    /** The longest text {@code field} accepts: its {@code maxLength}, else its column's length. */
    static int maxLength(FieldDefinition field) {
        return switch (field.storedType()) {
            case EMAIL -> field.maxLength() == null ? 254 : field.maxLength();
            case PHONE -> field.maxLength() == null ? 32 : field.maxLength();
            case URL -> field.maxLength() == null ? 2048 : field.maxLength();
            case TEXTAREA -> field.maxLength() == null ? 4000 : field.maxLength();
            case SELECT, MULTISELECT -> FormTables.OPTION_VALUE_LENGTH;
            default -> field.maxLength() == null ? 255 : field.maxLength();
        };
    }

    private Object toTyped(FieldDefinition field, Object raw) {
        if (raw == null || raw instanceof CharSequence s && s.toString().isBlank()) {
            return field.storedType() == FieldType.MULTISELECT ? List.of() : null;
        }
        return switch (field.storedType()) {
            case TEXT, TEXTAREA -> TextValues.text(field, raw);
            case INTEGER -> NumberValues.integer(field, raw);
            case DECIMAL -> NumberValues.scaled(field, NumberValues.decimal(field, raw),
                    field.scale() == null ? 2 : field.scale(), 24);
            case PERCENT -> NumberValues.scaled(field,
                    NumberValues.decimal(field, NumberValues.stripSuffix(raw, "%", "％")), 4, 12);
            case MONEY -> NumberValues.money(field, raw);
            case DATE -> DateValues.date(field, raw);
            case DATETIME -> dates.dateTime(field, raw);
            case BOOLEAN -> ChoiceValues.bool(field, raw);
            case SELECT -> ChoiceValues.option(field, TextValues.text(field, raw));
            case MULTISELECT -> ChoiceValues.options(field, raw);
            case EMAIL -> ContactValues.email(field, raw);
            case PHONE -> ContactValues.phone(field, raw);
            case URL -> ContactValues.url(field, raw);
            case RATING -> NumberValues.rating(field, raw);
            case USER, REFERENCE -> NumberValues.id(field, raw);
            case SUBTABLE, COMPUTED -> throw ValueErrors.invalid(field, "no_value", "“%s”不能直接赋值",
                    "“%s” cannot be given a value directly");
        };
    }

    /** An error whose zh/en templates take the field's label as first {@code %s}, then {@code args}. */
    static FieldError error(FieldDefinition field, String code, String zh, String en, String... args) {
        return ValueErrors.error(field, code, zh, en, args);
    }

    private boolean matchesPattern(String regex, String text) {
        try {
            return patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
