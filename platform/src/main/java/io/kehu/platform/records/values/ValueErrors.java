package io.kehu.platform.records.values;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.FieldError;
import java.util.Locale;

/** The problems value conversion reports, worded with the field's label in Chinese and English. */
public final class ValueErrors {

    private ValueErrors() {
    }

    /** A conversion problem carried out of the nested converters to {@code FieldValues.convert}, which returns it. */
    public static final class ValueProblem extends RuntimeException {

        private final transient FieldError error;

        ValueProblem(FieldError error) {
            super(error.code(), null, false, false);
            this.error = error;
        }

        public FieldError error() {
            return error;
        }
    }

    public static ValueProblem invalid(FieldDefinition field, String code, String zh, String en) {
        return new ValueProblem(error(field, code, zh, en));
    }

    /** An error whose zh/en templates take the field's label as first {@code %s}, then {@code args}. */
    public static FieldError error(FieldDefinition field, String code, String zh, String en, String... args) {
        LocalizedText label = field.label();
        String zhName = label.zh() != null && !label.zh().isBlank() ? label.zh() : label.in(Locale.ENGLISH);
        String enName = label.en() != null && !label.en().isBlank() ? label.en() : label.in(Locale.CHINESE);
        zhName = zhName.isBlank() ? field.id() : zhName;
        enName = enName.isBlank() ? field.id() : enName;
        return new FieldError(field.id(), code, LocalizedText.of(format(zh, zhName, args), format(en, enName, args)));
    }

    public static String format(String template, String name, String... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = name;
        System.arraycopy(args, 0, all, 1, args.length);
        return String.format(Locale.ROOT, template, all);
    }

    public static ValueProblem notANumber(FieldDefinition field) {
        return invalid(field, "not_a_number", "“%s”应为数字", "“%s” must be a number");
    }

    public static ValueProblem outOfRange(FieldDefinition field) {
        return invalid(field, "out_of_range", "“%s”的数值太大", "“%s” is too large a number");
    }

    public static ValueProblem notADate(FieldDefinition field) {
        return invalid(field, "not_a_date", "“%s”应为日期，例如 2026-11-23", "“%s” must be a date such as 2026-11-23");
    }

    public static ValueProblem notADateTime(FieldDefinition field) {
        return invalid(field, "not_a_datetime", "“%s”应为日期和时间，例如 2026-11-23 09:30",
                "“%s” must be a date and time such as 2026-11-23 09:30");
    }

    public static ValueProblem ratingError(FieldDefinition field) {
        return invalid(field, "rating", "“%s”应为 1 到 5 星", "“%s” must be 1 to 5 stars");
    }
}
