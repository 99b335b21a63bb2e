package io.kehu.platform.forms;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;

/**
 * The one place that decides how forms and fields become tables and columns. Schema sync creates them this way and
 * the record store reads and writes them this way; nobody else spells a physical name.
 *
 * <ul>
 *   <li>Form {@code customer} → table {@code frm_customer} with the {@link #SYSTEM_COLUMNS} plus one column per field
 *       stored in its own table (money adds {@code <field>_currency}).</li>
 *   <li>Multiselect field {@code tags} of {@code customer} → table {@code frm_customer__tags(record_id, value)}.</li>
 *   <li>Subtable field {@code contacts} (form {@code contact_person}) → rows of {@code frm_contact_person} whose
 *       {@code parent_id} is the customer's id.</li>
 * </ul>
 * Names are validated identifiers and are always quoted by jOOQ.
 */
public final class FormTables {

    /** Longest form or field id, so that side tables and derived names fit PostgreSQL's 63-byte limit. */
    public static final int MAX_IDENTIFIER_LENGTH = 28;
    public static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    public static final String TABLE_PREFIX = "frm_";
    public static final String ID = "id";
    /** Optimistic locking: incremented by every update; a stale update is refused. */
    public static final String ROW_VERSION = "row_version";
    /** Parent record of a subtable row, null otherwise. */
    public static final String PARENT_ID = "parent_id";
    public static final String CREATED_AT = "created_at";
    public static final String CREATED_BY = "created_by";
    public static final String UPDATED_AT = "updated_at";
    public static final String UPDATED_BY = "updated_by";
    /** Soft delete: a deleted record keeps its row and can be restored. */
    public static final String DELETED_AT = "deleted_at";
    public static final String DELETED_BY = "deleted_by";
    public static final Set<String> SYSTEM_COLUMNS = Set.of(ID, ROW_VERSION, PARENT_ID, CREATED_AT, CREATED_BY,
            UPDATED_AT, UPDATED_BY, DELETED_AT, DELETED_BY);

    /**
     * The type of each system column, in table order: identity key, optimistic-locking counter, parent link and the
     * audit stamps. Schema sync creates them this way; the record store reads them this way.
     */
    public static final Map<String, DataType<?>> SYSTEM_COLUMN_TYPES = systemColumnTypes();

    /** PostgreSQL's limit for any name (H2's is higher); derived index names are kept within it. */
    public static final int MAX_NAME_LENGTH = 63;

    /** Columns of a multiselect side table. */
    public static final String SIDE_RECORD_ID = "record_id";
    public static final String SIDE_VALUE = "value";
    public static final String CURRENCY_SUFFIX = "_currency";
    public static final String DEFAULT_CURRENCY = "CNY";
    public static final int OPTION_VALUE_LENGTH = 64;

    /**
     * Words no form or field may be called: SQL reserved words of H2 and PostgreSQL that are likely as names, and
     * the system columns.
     */
    public static final Set<String> RESERVED = Set.of("all", "and", "any", "array", "as", "asc", "between", "both",
            "case", "cast", "check", "collate", "column", "constraint", "create", "cross", "current_date",
            "current_time", "current_timestamp", "current_user", "default", "desc", "distinct", "do", "else", "end",
            "except", "exists", "false", "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "if",
            "in", "inner", "intersect", "interval", "into", "is", "join", "key", "leading", "left", "like", "limit",
            "minus", "natural", "not", "null", "offset", "on", "only", "or", "order", "primary", "qualify",
            "references", "regexp", "right", "row", "rownum", "select", "session_user", "set", "some", "symmetric",
            "table", "then", "to", "top", "trailing", "true", "union", "unique", "unknown", "user", "using", "value",
            "values", "when", "where", "window", "with", "id", "row_version", "parent_id", "created_at",
            "created_by", "updated_at", "updated_by", "deleted_at", "deleted_by", "record_id");

    private FormTables() {
    }

    /** Why {@code id} cannot name a form or field, or {@code null} when it can. */
    public static String identifierProblem(String id) {
        if (id == null || id.isEmpty()) {
            return "is empty";
        }
        if (!IDENTIFIER.matcher(id).matches()) {
            return "must start with a lower-case letter and contain only a-z, 0-9 and _";
        }
        if (id.contains("__")) {
            return "must not contain a double underscore (reserved for side tables such as frm_form__field)";
        }
        if (id.length() > MAX_IDENTIFIER_LENGTH) {
            return "is longer than " + MAX_IDENTIFIER_LENGTH + " characters";
        }
        if (RESERVED.contains(id.toLowerCase(Locale.ROOT))) {
            return "is a reserved word";
        }
        return null;
    }

    public static String table(String formId) {
        return TABLE_PREFIX + formId;
    }

    public static String multiselectTable(String formId, String fieldId) {
        return TABLE_PREFIX + formId + "__" + fieldId;
    }

    public static String currencyColumn(String fieldId) {
        return fieldId + CURRENCY_SUFFIX;
    }

    /** The column type of a field stored in its form's table; fails for multiselect and subtable fields. */
    public static DataType<?> columnType(FieldDefinition field) {
        FieldType type = field.storedType();
        return switch (type) {
            case TEXT -> SQLDataType.VARCHAR(lengthOr(field, 255));
            case TEXTAREA -> SQLDataType.VARCHAR(lengthOr(field, 4000));
            case INTEGER -> SQLDataType.BIGINT;
            case DECIMAL -> SQLDataType.NUMERIC(24, field.scale() == null ? 2 : field.scale());
            case MONEY -> SQLDataType.NUMERIC(19, 2);
            case PERCENT -> SQLDataType.NUMERIC(12, 4);
            case DATE -> SQLDataType.LOCALDATE;
            case DATETIME -> SQLDataType.OFFSETDATETIME;
            case BOOLEAN -> SQLDataType.BOOLEAN;
            case SELECT -> SQLDataType.VARCHAR(OPTION_VALUE_LENGTH);
            case EMAIL -> SQLDataType.VARCHAR(254);
            case PHONE -> SQLDataType.VARCHAR(32);
            case URL -> SQLDataType.VARCHAR(2048);
            case RATING -> SQLDataType.SMALLINT;
            case USER, REFERENCE -> SQLDataType.BIGINT;
            case MULTISELECT, SUBTABLE, COMPUTED ->
                    throw new IllegalArgumentException(field.id() + " (" + type.jsonName() + ") has no column of its own");
        };
    }

    /**
     * Name of the unique index that keeps a field's values unique, so that a violation can be traced back to the
     * field (e.g. "this phone number is already used").
     */
    public static String uniqueIndex(String formId, String fieldId) {
        return boundedName("uk_" + table(formId) + "__" + fieldId);
    }

    /** Name of the plain index on {@code column} of {@code table} (any table of a form, side tables included). */
    public static String index(String table, String column) {
        return boundedName("ix_" + table + "__" + column);
    }

    /**
     * Name of the index on (owner column, {@code id} descending) of a form with an {@code ownerField}: it serves a
     * STAFF user's list, "their records, newest first, first page", from the index instead of walking the whole
     * primary key and filtering. The owner column is part of the name so that changing the owner field yields a new
     * index and the old one is dropped. The {@code ox_} prefix keeps it apart from the single-column {@link #index}
     * names (a field called {@code owner_id} cannot collide with it).
     */
    public static String ownerIndex(String formId, String ownerField) {
        return boundedName("ox_" + table(formId) + "__" + ownerField);
    }

    /**
     * Name of the index on (owner column, {@code field}) of a form with an {@code ownerField}, for each indexed date
     * or date-time field: a STAFF user's list sorted by that date ("my customers, latest sign-up first") walks only
     * their own rows in date order instead of everyone's, which on a form where one user owns a third of the rows
     * reads three times as many index entries as the same page for an admin (issue 15, read (d)).
     */
    public static String ownerSortIndex(String formId, String ownerField, String field) {
        return boundedName("ox_" + table(formId) + "__" + ownerField + "__" + field);
    }

    /**
     * {@code name} itself when it fits {@link #MAX_NAME_LENGTH}, else its start plus a hash of the whole name: two
     * long names that share their start still get different names, and the same name always maps the same way.
     */
    public static String boundedName(String name) {
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().toHexDigits((int) crc.getValue());
        return name.substring(0, MAX_NAME_LENGTH - hash.length() - 1) + "_" + hash;
    }

    private static Map<String, DataType<?>> systemColumnTypes() {
        Map<String, DataType<?>> types = new LinkedHashMap<>();
        types.put(ID, SQLDataType.BIGINT.identity(true));
        types.put(ROW_VERSION, SQLDataType.INTEGER.notNull().defaultValue(0));
        types.put(PARENT_ID, SQLDataType.BIGINT);
        types.put(CREATED_AT, SQLDataType.OFFSETDATETIME);
        types.put(CREATED_BY, SQLDataType.BIGINT);
        types.put(UPDATED_AT, SQLDataType.OFFSETDATETIME);
        types.put(UPDATED_BY, SQLDataType.BIGINT);
        types.put(DELETED_AT, SQLDataType.OFFSETDATETIME);
        types.put(DELETED_BY, SQLDataType.BIGINT);
        return Collections.unmodifiableMap(types);
    }

    private static int lengthOr(FieldDefinition field, int fallback) {
        return field.maxLength() == null ? fallback : field.maxLength();
    }
}
