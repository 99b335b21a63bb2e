package io.kehu.platform.forms;

import java.util.Locale;
import java.util.Optional;

/**
 * The field types a definition may use. The JSON name is the lower-case name ({@code "multiselect"}).
 * Storage per type is decided by {@link FormTables}.
 */
public enum FieldType {
    /** One line of text; {@code maxLength} defaults to 255. */
    TEXT,
    /** Several lines of text; {@code maxLength} defaults to 4000. */
    TEXTAREA,
    /** A whole number (64-bit). */
    INTEGER,
    /** A decimal number with {@code scale} digits after the point (default 2). */
    DECIMAL,
    /** An amount of money: a decimal with 2 digits plus a currency code (default {@code CNY}). */
    MONEY,
    /** A percentage, stored as the number shown (12.5 means 12.5 %). */
    PERCENT,
    /** A calendar date. */
    DATE,
    /** A point in time. */
    DATETIME,
    /** Yes or no. */
    BOOLEAN,
    /** One value of {@code options}. */
    SELECT,
    /** Any number of values of {@code options} (stored in a side table). */
    MULTISELECT,
    /** An e-mail address. */
    EMAIL,
    /** A phone number: mainland China mobile or landline, or international {@code +CC ...}. */
    PHONE,
    /** A web address (http or https). */
    URL,
    /** 1 to 5 stars. */
    RATING,
    /** A platform user (e.g. the account manager). */
    USER,
    /** A record of another form ({@code form}), e.g. purchase → customer. */
    REFERENCE,
    /** Child records of another form ({@code form}), e.g. a customer's contact persons. */
    SUBTABLE,
    /** A value computed by a Groovy {@code expression} on save and stored ({@code resultType} says its type). */
    COMPUTED;

    /** The name used in JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> fromJson(String name) {
        for (FieldType t : values()) {
            if (t.jsonName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Whether values of this type live in the form's own table (one column, or two for money). */
    public boolean storedInOwnTable() {
        return this != MULTISELECT && this != SUBTABLE;
    }

    /** Whether the field needs {@code options}. */
    public boolean hasOptions() {
        return this == SELECT || this == MULTISELECT;
    }

    /** Whether the field points at another form through {@code form}. */
    public boolean targetsForm() {
        return this == REFERENCE || this == SUBTABLE;
    }
}
