package io.kehu.platform.forms.reading;

import io.kehu.platform.forms.DefinitionProblem;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldPatterns;
import io.kehu.platform.forms.FieldType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a field's {@code default} fits the field: its type, options, bounds, length and pattern, and the column it
 * will be written to, so that a definition whose default would make every create fail is refused when it is read.
 */
public final class DefaultValueChecks {

    private static final Set<FieldType> WITHOUT_DEFAULT = EnumSet.of(FieldType.USER, FieldType.REFERENCE,
            FieldType.SUBTABLE, FieldType.COMPUTED);
    private static final Set<FieldType> TEXTUAL = EnumSet.of(FieldType.TEXT, FieldType.TEXTAREA, FieldType.EMAIL,
            FieldType.PHONE, FieldType.URL);

    private final FieldDefinition f;
    private final FieldType type;

    private DefaultValueChecks(FieldDefinition f) {
        this.f = f;
        this.type = f.storedType();
    }

    /** The problem of the default of {@code field}, the field at {@code index}, if it has one. */
    static List<DefinitionProblem> check(String source, int index, FieldDefinition field) {
        Object value = field.defaultValue();
        if (value == null) {
            return List.of();
        }
        String path = JsonPaths.field(index, "default");
        if (WITHOUT_DEFAULT.contains(field.type())) {
            return List.of(new DefinitionProblem(source, path,
                    "a default is not supported on " + field.type().jsonName() + " fields"));
        }
        DefaultValueChecks checks = new DefaultValueChecks(field);
        Optional<DefinitionProblem> misfit = checks.numberMisfit(source, path, value);
        if (misfit.isPresent()) {
            return List.of(misfit.get());
        }
        String reason = checks.defaultProblem(value);
        if (reason != null) {
            return List.of(new DefinitionProblem(source, path, "default " + show(value) + " " + reason));
        }
        if (TEXTUAL.contains(checks.type)) {
            return ColumnFit.text(source, path, field, (String) value).stream().toList();
        }
        return List.of();
    }

    /**
     * A number default beyond its column; checked before the type's own checks so that a whole number too large for
     * an integer field is called too large rather than "not a whole number".
     */
    private Optional<DefinitionProblem> numberMisfit(String source, String path, Object value) {
        if (!(value instanceof BigDecimal number)) {
            return Optional.empty();
        }
        boolean wholeForInteger = type == FieldType.INTEGER && number.stripTrailingZeros().scale() <= 0;
        if (wholeForInteger || type == FieldType.DECIMAL || type == FieldType.MONEY || type == FieldType.PERCENT) {
            return ColumnFit.number(source, path, "default", f, number);
        }
        return Optional.empty();
    }

    private String defaultProblem(Object value) {
        return switch (type) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL -> textDefault(value);
            case INTEGER, RATING -> value instanceof Long number
                    ? inBounds(BigDecimal.valueOf(number))
                    : "must be a whole number";
            case DECIMAL, MONEY, PERCENT -> value instanceof BigDecimal number
                    ? inBounds(number)
                    : "must be a number";
            case BOOLEAN -> value instanceof Boolean ? null : "must be true or false";
            case DATE -> isoDate(value);
            case DATETIME -> isoDateTime(value);
            case SELECT -> value instanceof String s
                    ? (f.option(s).isPresent() ? null : "is not one of the option values")
                    : "must be one of the option values";
            case MULTISELECT -> multiselectDefault(value);
            case USER, REFERENCE, SUBTABLE, COMPUTED -> "is not supported";
        };
    }

    private String textDefault(Object value) {
        if (!(value instanceof String s)) {
            return "must be a string";
        }
        if (f.maxLength() != null && s.length() > f.maxLength()) {
            return "is longer than maxLength " + f.maxLength();
        }
        // A pattern that does not compile is reported on its own key.
        if (f.pattern() != null && FieldPatterns.problem(f.pattern()).isEmpty()
                && !FieldPatterns.matches(f.pattern(), s)) {
            return "does not match the pattern";
        }
        return null;
    }

    private String inBounds(BigDecimal number) {
        if (f.min() != null && number.compareTo(f.min()) < 0) {
            return "is less than min " + f.min().toPlainString();
        }
        if (f.max() != null && number.compareTo(f.max()) > 0) {
            return "is greater than max " + f.max().toPlainString();
        }
        if (type == FieldType.RATING && (number.compareTo(FieldChecks.RATING_LOWEST) < 0
                || number.compareTo(FieldChecks.RATING_HIGHEST) > 0)) {
            return "must be 1 to 5";
        }
        return null;
    }

    private static String isoDate(Object value) {
        try {
            LocalDate.parse((String) value);
            return null;
        } catch (ClassCastException | DateTimeParseException e) {
            return "must be an ISO date such as 2024-05-01";
        }
    }

    private static String isoDateTime(Object value) {
        try {
            OffsetDateTime.parse((String) value);
            return null;
        } catch (ClassCastException | DateTimeParseException e) {
            return "must be an ISO date-time with offset such as 2024-05-01T09:30:00+08:00";
        }
    }

    private String multiselectDefault(Object value) {
        if (!(value instanceof List<?> values)) {
            return "must be a list of option values";
        }
        Set<Object> seen = new HashSet<>();
        for (Object v : values) {
            if (!(v instanceof String s) || f.option(s).isEmpty()) {
                return "contains " + show(v) + ", which is not one of the option values";
            }
            if (!seen.add(v)) {
                return "contains " + show(v) + " twice";
            }
        }
        return null;
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DefaultValueChecks::show).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
