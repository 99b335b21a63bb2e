package io.kehu.platform.records;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The jOOQ view of one form's table and side tables, named exactly as {@link FormTables} says: typed column handles
 * and the mapping between stored columns and the typed values of {@link RecordValues}.
 */
final class RecordTable {

    final FormDefinition form;
    final Table<org.jooq.Record> table;
    final Field<Long> id;
    final Field<Integer> rowVersion;
    final Field<Long> parentId;
    final Field<OffsetDateTime> createdAt;
    final Field<Long> createdBy;
    final Field<OffsetDateTime> updatedAt;
    final Field<Long> updatedBy;
    final Field<OffsetDateTime> deletedAt;
    final Field<Long> deletedBy;

    /** Column handles by field id, built once: building jOOQ fields is not free at every read or bulk row. */
    private final Map<String, Field<Object>> columns;
    private final List<Field<?>> selectList;
    private final List<Field<?>> valueSelectList;
    private final Map<String, Integer> selectPositions;
    private final Map<String, Integer> valuePositions;
    // Rendered on first use (rendering needs the DSLContext's dialect); a race only renders the same text twice.
    private volatile TypedRows.Columns selectColumns;
    private volatile TypedRows.Columns valueColumns;
    /** Page layouts by select list (with or without who/when) and readable fields; a handful per role mix. */
    private final java.util.concurrent.ConcurrentHashMap<PageLayoutKey, PageLayout> pageLayouts =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record PageLayoutKey(boolean withMetadata, java.util.BitSet shown) {
    }

    /** At most this many layouts are kept per form version (readable-field sets are few; a bound all the same). */
    private static final int MAX_PAGE_LAYOUTS = 64;

    RecordTable(FormDefinition form) {
        this.form = form;
        String tableName = FormTables.table(form.id());
        this.table = table(name(tableName));
        this.id = field(name(tableName, FormTables.ID), SQLDataType.BIGINT);
        this.rowVersion = field(name(tableName, FormTables.ROW_VERSION), SQLDataType.INTEGER);
        this.parentId = field(name(tableName, FormTables.PARENT_ID), SQLDataType.BIGINT);
        this.createdAt = field(name(tableName, FormTables.CREATED_AT), SQLDataType.OFFSETDATETIME);
        this.createdBy = field(name(tableName, FormTables.CREATED_BY), SQLDataType.BIGINT);
        this.updatedAt = field(name(tableName, FormTables.UPDATED_AT), SQLDataType.OFFSETDATETIME);
        this.updatedBy = field(name(tableName, FormTables.UPDATED_BY), SQLDataType.BIGINT);
        this.deletedAt = field(name(tableName, FormTables.DELETED_AT), SQLDataType.OFFSETDATETIME);
        this.deletedBy = field(name(tableName, FormTables.DELETED_BY), SQLDataType.BIGINT);
        Map<String, Field<Object>> handles = new HashMap<>();
        for (FieldDefinition f : form.fields()) {
            if (hasColumn(f)) {
                handles.put(f.id(), newColumn(f));
            }
        }
        this.columns = Map.copyOf(handles);
        List<Field<?>> full = new ArrayList<>(List.of(id, rowVersion, parentId, createdAt, createdBy, updatedAt,
                updatedBy, deletedAt, deletedBy));
        addValueColumns(full);
        this.selectList = List.copyOf(full);
        List<Field<?>> values = new ArrayList<>(List.of(id, rowVersion, parentId));
        addValueColumns(values);
        this.valueSelectList = List.copyOf(values);
        this.selectPositions = computePositions(selectList);
        this.valuePositions = computePositions(valueSelectList);
    }

    /** Whether {@code field} has a column in the form's own table (computed fields only with a result type). */
    static boolean hasColumn(FieldDefinition field) {
        FieldType stored = field.storedType();
        return stored != FieldType.COMPUTED && stored.storedInOwnTable();
    }

    static boolean isMultiselect(FieldDefinition field) {
        return field.storedType() == FieldType.MULTISELECT;
    }

    /** Whether {@code field} holds a value of the record itself (not subtable rows, not an unstored computation). */
    static boolean holdsValue(FieldDefinition field) {
        return hasColumn(field) || isMultiselect(field);
    }

    /** The column of a field stored in the form's table (for money: the amount). */
    Field<Object> column(FieldDefinition field) {
        Field<Object> column = columns.get(field.id());
        return column != null ? column : newColumn(field);
    }

    @SuppressWarnings("unchecked")
    private Field<Object> newColumn(FieldDefinition field) {
        return (Field<Object>) field(name(table.getName(), field.id()), FormTables.columnType(field));
    }

    Field<String> currency(FieldDefinition field) {
        return field(name(table.getName(), FormTables.currencyColumn(field.id())), SQLDataType.VARCHAR(3));
    }

    Table<org.jooq.Record> side(FieldDefinition field) {
        return table(name(FormTables.multiselectTable(form.id(), field.id())));
    }

    Field<Long> sideRecordId(FieldDefinition field) {
        return field(name(FormTables.multiselectTable(form.id(), field.id()), FormTables.SIDE_RECORD_ID),
                SQLDataType.BIGINT);
    }

    Field<String> sideValue(FieldDefinition field) {
        return field(name(FormTables.multiselectTable(form.id(), field.id()), FormTables.SIDE_VALUE),
                SQLDataType.VARCHAR(FormTables.OPTION_VALUE_LENGTH));
    }

    /** A system column by its name, typed as stored; {@code null} for names that are not system columns. */
    Field<?> systemColumn(String column) {
        return switch (column) {
            case FormTables.ID -> id;
            case FormTables.ROW_VERSION -> rowVersion;
            case FormTables.PARENT_ID -> parentId;
            case FormTables.CREATED_AT -> createdAt;
            case FormTables.CREATED_BY -> createdBy;
            case FormTables.UPDATED_AT -> updatedAt;
            case FormTables.UPDATED_BY -> updatedBy;
            case FormTables.DELETED_AT -> deletedAt;
            case FormTables.DELETED_BY -> deletedBy;
            default -> null;
        };
    }

    /**
     * Everything a {@link Record} is read from: system columns and the own-table field columns (unmodifiable). The
     * system columns come first, in the order id, row version, parent, created at/by, updated at/by, deleted at/by:
     * {@link RecordReader} reads them by position.
     */
    List<Field<?>> selectList() {
        return selectList;
    }

    /** Id, version, parent and the field columns: {@link #selectList()} without who and when (unmodifiable). */
    List<Field<?>> valueSelectList() {
        return valueSelectList;
    }

    private void addValueColumns(List<Field<?>> fields) {
        for (FieldDefinition f : form.fields()) {
            if (hasColumn(f)) {
                fields.add(column(f));
                if (f.storedType() == FieldType.MONEY) {
                    fields.add(currency(f));
                }
            }
        }
    }

    /** Adds the column values of field {@code f} holding typed {@code value} to {@code row}. */
    void putColumns(Map<Field<?>, Object> row, FieldDefinition f, Object value) {
        if (f.storedType() == FieldType.MONEY) {
            row.put(column(f), value == null ? null : ((Money) value).amount());
            row.put(currency(f), value == null ? null : ((Money) value).currency());
        } else {
            row.put(column(f), value);
        }
    }

    /**
     * The typed value of own-table field {@code f} read at {@code index} of a row read by {@link TypedRows} (money: its
     * currency follows at {@code index + 1}). Reading by position spares looking the column up by name for every
     * value of a million rows.
     */
    Object read(Object[] row, FieldDefinition f, int index) {
        Object value = row[index];
        return value == null ? null : typed(f, value, f.storedType() == FieldType.MONEY ? row[index + 1] : null);
    }

    private static Object typed(FieldDefinition f, Object value, Object next) {
        return switch (f.storedType()) {
            case MONEY -> new Money((BigDecimal) value, (String) next);
            case RATING -> ((Number) value).intValue();
            case DATETIME -> utc((OffsetDateTime) value);
            default -> value;
        };
    }

    /**
     * {@code select} rendered once for reading with {@link TypedRows}: the two fixed select lists are kept with this
     * table (one per published form version), any other list is rendered on each call.
     */
    TypedRows.Columns typedColumns(DSLContext dsl, List<Field<?>> select) {
        if (select == selectList) {
            TypedRows.Columns c = selectColumns;
            if (c == null) {
                c = TypedRows.Columns.of(dsl, select);
                selectColumns = c;
            }
            return c;
        } else if (select == valueSelectList) {
            TypedRows.Columns c = valueColumns;
            if (c == null) {
                c = TypedRows.Columns.of(dsl, select);
                valueColumns = c;
            }
            return c;
        }
        return TypedRows.Columns.of(dsl, select);
    }

    /**
     * The {@link PageLayout} of a page read with {@code select} (this table's {@link #selectList} or
     * {@link #valueSelectList}, said by {@code withMetadata}) by a reader who may read the fields {@code readable}
     * lets through.
     */
    PageLayout pageLayout(List<Field<?>> select, boolean withMetadata, java.util.function.Predicate<FieldDefinition> readable) {
        java.util.BitSet mask = PageLayout.shownMask(this, readable);
        PageLayoutKey key = new PageLayoutKey(withMetadata, mask);
        PageLayout kept = pageLayouts.get(key);
        if (kept != null) {
            return kept;
        }
        PageLayout made = PageLayout.of(this, mask, positions(select), List.of());
        if (pageLayouts.size() < MAX_PAGE_LAYOUTS) {
            pageLayouts.putIfAbsent(key, made);
        }
        return made;
    }

    /** Where each field's column sits in {@code select} (a list built from {@link #column}), by field id. */
    Map<String, Integer> positions(List<Field<?>> select) {
        if (select == selectList) {
            return selectPositions;
        }
        return select == valueSelectList ? valuePositions : computePositions(select);
    }

    private Map<String, Integer> computePositions(List<Field<?>> select) {
        Map<String, Integer> positions = new HashMap<>();
        for (FieldDefinition f : form.fields()) {
            if (hasColumn(f)) {
                int index = select.indexOf(column(f));
                if (index >= 0) {
                    positions.put(f.id(), index);
                }
            }
        }
        return Map.copyOf(positions);
    }

    static OffsetDateTime utc(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
