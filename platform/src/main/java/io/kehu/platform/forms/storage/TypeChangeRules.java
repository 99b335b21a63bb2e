package io.kehu.platform.forms.storage;

import static io.kehu.platform.forms.FieldType.DATE;
import static io.kehu.platform.forms.FieldType.DATETIME;
import static io.kehu.platform.forms.FieldType.DECIMAL;
import static io.kehu.platform.forms.FieldType.EMAIL;
import static io.kehu.platform.forms.FieldType.INTEGER;
import static io.kehu.platform.forms.FieldType.MONEY;
import static io.kehu.platform.forms.FieldType.MULTISELECT;
import static io.kehu.platform.forms.FieldType.PERCENT;
import static io.kehu.platform.forms.FieldType.PHONE;
import static io.kehu.platform.forms.FieldType.RATING;
import static io.kehu.platform.forms.FieldType.REFERENCE;
import static io.kehu.platform.forms.FieldType.SELECT;
import static io.kehu.platform.forms.FieldType.SUBTABLE;
import static io.kehu.platform.forms.FieldType.TEXT;
import static io.kehu.platform.forms.FieldType.TEXTAREA;
import static io.kehu.platform.forms.FieldType.URL;
import static io.kehu.platform.forms.FieldType.USER;

import io.kehu.platform.forms.ColumnShape;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormTables;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which field type changes keep every stored value, and the words to refuse the others with. A change is allowed
 * only when the old values fit the new column unchanged (or widened); everything else would silently lose or
 * reinterpret data, so it is refused with the form, the field, both types, the reason and what to do instead.
 */
public final class TypeChangeRules {

    /** Changes between different types that keep every value; same-type changes are checked by their shape. */
    private static final Map<FieldType, Set<FieldType>> WIDENINGS = Map.of(
            TEXT, EnumSet.of(TEXTAREA),
            SELECT, EnumSet.of(TEXT, TEXTAREA),
            EMAIL, EnumSet.of(TEXT, TEXTAREA),
            PHONE, EnumSet.of(TEXT, TEXTAREA),
            URL, EnumSet.of(TEXT, TEXTAREA),
            INTEGER, EnumSet.of(DECIMAL),
            RATING, EnumSet.of(INTEGER, DECIMAL),
            PERCENT, EnumSet.of(DECIMAL));

    private static final Set<FieldType> TEXTS = EnumSet.of(TEXT, TEXTAREA, SELECT, EMAIL, PHONE, URL);
    private static final Set<FieldType> NUMBERS = EnumSet.of(INTEGER, DECIMAL, MONEY, PERCENT, RATING);
    private static final Set<FieldType> FRACTIONS = EnumSet.of(DECIMAL, MONEY, PERCENT);

    /**
     * The outcome of comparing a stored field with its new definition.
     *
     * @param shape the column shape to have afterwards (null for fields without a column of their own)
     * @param refusal why the change is refused, or null when it is allowed
     */
    record Verdict(ColumnShape shape, String refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private TypeChangeRules() {
    }

    /** Compares what is stored for a field (live or hidden) with what the new definition asks for. */
    static Verdict check(String formId, StoredField stored, FieldDefinition next) {
        FieldDefinition old = stored.definition();
        FieldType from = old.storedType();
        FieldType to = next.storedType();
        Refusal refusal = new Refusal(formId, stored, next);
        if (from == to) {
            if (from.targetsForm() && !Objects.equals(old.form(), next.form())) {
                return refusal.because("its stored values belong to records of form '" + old.form()
                        + "', not of '" + next.form() + "'", "add a new " + to.jsonName() + " field for '"
                        + next.form() + "'");
            }
        } else if (!WIDENINGS.getOrDefault(from, Set.of()).contains(to)) {
            return refusal.because(reason(from, to), "add a new field and copy the values");
        }
        if (!to.storedInOwnTable()) {
            return new Verdict(null, null);
        }
        return shape(stored.shape(), ColumnShape.of(FormTables.columnType(next)), refusal);
    }

    /** How a type is named in messages: with its length, scale or target, since those decide what fits. */
    static String describe(FieldDefinition field) {
        String stored = switch (field.storedType()) {
            case TEXT, TEXTAREA -> field.storedType().jsonName() + "(" + FormTables.columnType(field).length() + ")";
            case DECIMAL -> "decimal(scale " + FormTables.columnType(field).scale() + ")";
            case REFERENCE -> "reference to '" + field.form() + "'";
            case SUBTABLE -> "subtable of '" + field.form() + "'";
            default -> field.storedType().jsonName();
        };
        return field.type() == FieldType.COMPUTED ? "computed " + stored : stored;
    }

    private static Verdict shape(ColumnShape old, ColumnShape wanted, Refusal refusal) {
        if (wanted.kind() == ColumnShape.Kind.VARCHAR && wanted.length() < old.length()) {
            return refusal.because("stored values longer than " + wanted.length() + " characters would be cut",
                    "keep maxLength at " + old.length() + " or more, or add a new field and copy the values");
        }
        if (wanted.kind() == ColumnShape.Kind.NUMERIC && old.isNumber()) {
            if (wanted.scale() < old.scale()) {
                return refusal.because("digits after decimal place " + wanted.scale() + " would be rounded away",
                        "keep scale at " + old.scale() + " or more, or add a new field and copy the values");
            }
            int precision = Math.max(wanted.precision(), old.integerDigits() + wanted.scale());
            return new Verdict(new ColumnShape(ColumnShape.Kind.NUMERIC, 0, precision, wanted.scale()), null);
        }
        return new Verdict(wanted, null);
    }

    private static String reason(FieldType from, FieldType to) {
        if (to == MULTISELECT) {
            return "multiselect values live in a side table, so the values in the column would not carry over";
        }
        if (from == MULTISELECT) {
            return "a record may hold several values, but one column holds only one";
        }
        if (from == SUBTABLE || to == SUBTABLE) {
            return "a subtable holds child records, not a value of this form's own table";
        }
        if (TEXTS.contains(from) && NUMBERS.contains(to)) {
            return "stored texts need not be numbers, and those that are not would be lost";
        }
        if (FRACTIONS.contains(from) && (to == INTEGER || to == RATING)) {
            return "the digits after the decimal point would be lost";
        }
        if (from == INTEGER && to == RATING) {
            return "a rating holds 1 to 5 only, so other numbers would not fit";
        }
        if (from == MONEY || to == MONEY) {
            return "an amount of money carries a currency that a plain number does not";
        }
        if (from == TEXTAREA && to == TEXT) {
            return "a text field holds one line, but stored values may span several lines";
        }
        if (TEXTS.contains(from) && to == SELECT) {
            return "stored texts need not be one of the options";
        }
        if (TEXTS.contains(from) && TEXTS.contains(to)) {
            return "stored texts need not be valid " + to.jsonName() + " values";
        }
        if (from == DATE && to == DATETIME) {
            return "a date has no time of day or time zone, so one would have to be invented";
        }
        if (from == DATETIME && to == DATE) {
            return "the time of day would be lost";
        }
        if (from == USER && to == REFERENCE || from == REFERENCE && to == USER) {
            return "user ids and record ids are different things";
        }
        return "values of these types are stored differently and cannot be converted without loss";
    }

    /** Builds the refusal sentence; a hidden field's column still holds data, so it suggests restoring it. */
    private record Refusal(String formId, StoredField stored, FieldDefinition next) {

        Verdict because(String why, String instead) {
            String old = describe(stored.definition());
            String subject = "Form '" + formId + "', field '" + next.id() + "'";
            String insteadText = stored.hidden()
                    ? "give the new field another id, or add it back as " + old + " to restore its old values"
                    : instead;
            if (stored.hidden()) {
                subject += " (removed earlier; its column still holds the old values)";
            }
            return new Verdict(null, subject + ": cannot change " + old + " to " + describe(next) + ", because "
                    + why + ". Instead, " + insteadText + ".");
        }
    }
}
