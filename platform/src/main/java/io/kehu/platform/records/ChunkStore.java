package io.kehu.platform.records;

import static org.jooq.impl.DSL.name;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.security.Actor;
import io.kehu.platform.storage.PgCopy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The database side of one chunk of a bulk write on one form, after {@link WriteChecks} passed it: loads the old
 * records, writes the rows with a few multi-row statements (PostgreSQL:
 * {@code UPDATE ... FROM (VALUES ...)} and ids drawn from the sequence in one go; other databases: a statement per
 * row, which is cheap in-process), appends the audit rows and publishes one event per set of changed fields.
 */
final class ChunkStore {

    private final RecordServices services;
    private final DSLContext dsl;
    private final RecordTable table;
    private final Actor actor;
    private final OffsetDateTime now;
    private final WrittenRecords written;
    private final String origin;

    ChunkStore(RecordServices services, RecordTable table, Actor actor, OffsetDateTime now) {
        this(services, table, actor, now, new WrittenRecords(), null);
    }

    ChunkStore(RecordServices services, RecordTable table, Actor actor, OffsetDateTime now,
               WrittenRecords written, String origin) {
        this.written = written;
        this.origin = origin;
        this.services = services;
        this.dsl = services.dsl();
        this.table = table;
        this.actor = actor;
        this.now = now;
    }

    Map<Long, Record> load(Collection<Long> ids) {
        return load(ids, true);
    }

    /**
     * The live records among {@code ids} the actor may see, by id; {@code withMetadata} false leaves out who and when
     * (only guards see those, so a chunk no guard watches needs just the values).
     */
    Map<Long, Record> load(Collection<Long> ids, boolean withMetadata) {
        Map<Long, Record> byId = new HashMap<>();
        Condition where = idIn(table, ids).and(table.deletedAt.isNull()).and(services.visibility().of(table, actor));
        RecordReader reader = new RecordReader(dsl, table);
        (withMetadata ? reader.fetch(where, List.of(), 0, ids.size()) : reader.fetchValues(where, ids.size()))
                .forEach(r -> byId.put(r.id(), r));
        return byId;
    }

    RuntimeException conflict(long id, int expectedVersion) {
        Integer current = dsl.select(table.rowVersion).from(table.table).where(table.id.eq(id))
                .fetchOne(0, Integer.class);
        if (current == null) {
            return new RecordNotFoundException(table.form.id(), id);
        }
        return new RecordConflictException(table.form.id(), id, expectedVersion, current, null, "?", null);
    }

    // ------------------------------------------------------------------ creates

    /** Inserts the records; returns their ids, in the order of {@code rows}. */
    long[] insert(List<PreparedWrite> rows) {
        if (rows.isEmpty()) {
            return new long[0];
        }
        List<FieldDefinition> columns = table.form.fields().stream().filter(RecordTable::hasColumn).toList();
        long[] ids = new long[rows.size()];
        if (postgres()) {
            // the ids drawn in one go, read back as one array rather than a row each
            Long[] next = dsl.select(DSL.field("array_agg(nextval(pg_get_serial_sequence({0}, 'id')))",
                            SQLDataType.BIGINT.getArrayDataType(), DSL.inline(FormTables.table(table.form.id()))))
                    .from(DSL.table("generate_series(1, {0})", DSL.inline(rows.size()))).fetchSingle().value1();
            for (int i = 0; i < ids.length; i++) {
                ids[i] = next[i];
            }
            List<Field<?>> insertInto = new ArrayList<>(List.of(table.id, table.rowVersion, table.createdAt,
                    table.createdBy, table.updatedAt, table.updatedBy));
            columns.forEach(f -> insertInto.addAll(columnsOf(f)));
            // COPY rather than INSERT ... SELECT FROM unnest(arrays): no statement to render, no arrays to encode
            // and parse, no casts (see PgCopy); the values are written as the casts read them before.
            PgCopy copy = new PgCopy(rows.size(), 40 + 30 * insertInto.size());
            Long userId = actor.userId();
            String nowText = now.toString();
            for (int i = 0; i < rows.size(); i++) {
                copy.add(ids[i]).add(0).add(nowText).add(userId).add(nowText).add(userId);
                Map<String, Object> values = rows.get(i).values();
                for (FieldDefinition f : columns) {
                    Object value = values.get(f.id());
                    if (f.storedType() == FieldType.MONEY) {
                        copy.add(value == null ? null : ((Money) value).amount())
                                .add(value == null ? null : ((Money) value).currency());
                    } else {
                        copy.add(value);
                    }
                }
                copy.endRow();
            }
            long copied = copy.into(dsl, table.table, insertInto);
            if (copied != rows.size()) {
                throw new IllegalStateException("Bulk insert into " + table.form.id() + " wrote " + copied + " of "
                        + rows.size() + " rows");
            }
        } else {
            for (int i = 0; i < rows.size(); i++) {
                Map<Field<?>, Object> row = new HashMap<>();
                for (FieldDefinition f : columns) {
                    table.putColumns(row, f, rows.get(i).values().get(f.id()));
                }
                row.put(table.rowVersion, 0);
                row.put(table.createdAt, now);
                row.put(table.createdBy, actor.userId());
                row.put(table.updatedAt, now);
                row.put(table.updatedBy, actor.userId());
                ids[i] = dsl.insertInto(table.table).set(row).returningResult(table.id).fetchOne().value1();
            }
        }
        List<AuditTrail.Row> audit = new ArrayList<>(rows.size());
        Map<Set<String>, List<Long>> byFilled = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            written.add(table.form.id(), ids[i]);
            writeMultiselects(ids[i], rows.get(i), false);
            // One audit row per created record: the values are the record's own (see docs/plugin-guide.md).
            audit.add(new AuditTrail.Row(ids[i], new AuditTrail.Change(null, null, null)));
            byFilled.computeIfAbsent(rows.get(i).changed(), k -> new ArrayList<>()).add(ids[i]);
        }
        services.audit().appendAll(table.form.id(), AuditAction.CREATE, audit, actor, now, origin);
        byFilled.forEach((filled, list) -> services.events().publishEvent(new RecordsSavedInBulk(table.form.id(),
                list.stream().mapToLong(Long::longValue).toArray(), filled, actor, true)));
        return ids;
    }

    // ------------------------------------------------------------------ updates

    /** Writes the changed records; returns {updated, unchanged}. */
    int[] update(List<PreparedWrite> rows) {
        List<PreparedWrite> changed = rows.stream().filter(p -> !p.changed().isEmpty()).toList();
        Map<Set<String>, List<PreparedWrite>> byChangedFields = new LinkedHashMap<>();
        changed.forEach(p -> byChangedFields.computeIfAbsent(p.changed(), k -> new ArrayList<>()).add(p));
        List<AuditTrail.Row> audit = new ArrayList<>();
        for (var group : byChangedFields.entrySet()) {
            List<FieldDefinition> columns = group.getKey().stream().map(id -> table.form.field(id).orElseThrow())
                    .filter(RecordTable::hasColumn).toList();
            int count = postgres() ? updateFromValues(columns, group.getValue())
                    : updateOneByOne(columns, group.getValue());
            if (count != group.getValue().size()) {
                Map<Long, Record> now = load(group.getValue().stream().map(PreparedWrite::id).toList());
                for (PreparedWrite p : group.getValue()) {
                    Record current = now.get(p.id());
                    if (current == null || current.rowVersion() != p.rowVersion() + 1) {
                        throw conflict(p.id(), p.rowVersion());
                    }
                }
                throw new IllegalStateException("Bulk update of " + table.form.id() + " wrote " + count + " of "
                        + group.getValue().size() + " rows");
            }
            for (PreparedWrite p : group.getValue()) {
                written.add(table.form.id(), p.id());
                writeMultiselects(p.id(), p, true);
                for (String fieldId : p.changed()) {
                    audit.add(new AuditTrail.Row(p.id(), new AuditTrail.Change(fieldId, p.old().get(fieldId),
                            p.values().get(fieldId))));
                }
            }
            services.events().publishEvent(new RecordsSavedInBulk(table.form.id(),
                    group.getValue().stream().mapToLong(PreparedWrite::id).toArray(), group.getKey(), actor, false));
        }
        services.audit().appendAll(table.form.id(), AuditAction.UPDATE, audit, actor, now, origin);
        return new int[] {changed.size(), rows.size() - changed.size()};
    }

    /** PostgreSQL: one {@code UPDATE ... FROM unnest(arrays)} per chunk (three binds, not thousands). */
    private int updateFromValues(List<FieldDefinition> columns, List<PreparedWrite> rows) {
        List<Field<?>> targets = new ArrayList<>();
        columns.forEach(f -> targets.addAll(columnsOf(f)));
        Long[] ids = new Long[rows.size()];
        String[][] texts = new String[targets.size() + 1][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            PreparedWrite p = rows.get(i);
            ids[i] = p.id();
            texts[0][i] = Integer.toString(p.rowVersion());
            cellTexts(columns, p.values(), texts, 1, i);
        }
        Table<?> v = unnest(ids, texts);
        Map<Field<?>, Object> set = new LinkedHashMap<>();
        for (int c = 0; c < targets.size(); c++) {
            set.put(targets.get(c), DSL.field(name("v", "c" + (c + 1)), SQLDataType.VARCHAR)
                    .cast(targets.get(c).getDataType()));
        }
        set.put(table.rowVersion, table.rowVersion.plus(1));
        set.put(table.updatedAt, now);
        set.put(table.updatedBy, actor.userId());
        return dsl.update(table.table).set(set).from(v)
                .where(table.id.eq(DSL.field(name("v", "k_id"), SQLDataType.BIGINT)))
                .and(table.rowVersion.eq(DSL.field(name("v", "c0"), SQLDataType.VARCHAR).cast(SQLDataType.INTEGER)))
                .and(table.deletedAt.isNull())
                .execute();
    }

    /**
     * Row {@code row}'s cells as text, in the order of {@link #columnsOf} for each of {@code columns} (money: amount,
     * then currency), into {@code texts[from + c][row]}: straight from the values, without a map of jOOQ fields per
     * row (a first scoring writes 900,000 rows).
     */
    /**
     * The text form of a PostgreSQL array of {@code values} ({@code {"a","b \"c\"",NULL}}): every element quoted with
     * its quotes and backslashes escaped, {@code NULL} for null, numbers as they are. Built in one pass: jOOQ's own
     * array binding escapes each element with several string replacements, which was a tenth of the JVM's time
     * writing 900,000 score rows (docs/benchmarks.md, "ChurnBench").
     */
    static String arrayText(Object[] values) {
        StringBuilder text = new StringBuilder(values.length * 12 + 2).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            Object value = values[i];
            if (value == null) {
                text.append("NULL");
            } else if (value instanceof Long || value instanceof Integer) {
                text.append(value);
            } else {
                String s = value.toString();
                text.append('"');
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    if (ch == '"' || ch == '\\') {
                        text.append('\\');
                    }
                    text.append(ch);
                }
                text.append('"');
            }
        }
        return text.append('}').toString();
    }

    private static void cellTexts(List<FieldDefinition> columns, Map<String, Object> values, String[][] texts,
                                  int from, int row) {
        int c = from;
        for (FieldDefinition f : columns) {
            Object value = values.get(f.id());
            if (f.storedType() == FieldType.MONEY) {
                Money money = (Money) value;
                texts[c++][row] = money == null ? null : pgText(money.amount());
                texts[c++][row] = money == null ? null : money.currency();
            } else {
                texts[c++][row] = pgText(value);
            }
        }
    }

    /**
     * {@code unnest(ids, texts[0], texts[1], ...) as v(k_id, c0, c1, ...)}: one bind per column, each the text of a
     * PostgreSQL array ({@link #arrayText}) cast to its array type by the server.
     */
    static Table<?> unnest(Long[] ids, String[][] texts) {
        StringBuilder template = new StringBuilder("unnest(cast({0} as bigint[])");
        List<org.jooq.QueryPart> parts = new ArrayList<>();
        parts.add(DSL.val(arrayText(ids), SQLDataType.VARCHAR));
        List<String> names = new ArrayList<>(List.of("k_id"));
        for (int c = 0; c < texts.length; c++) {
            template.append(", cast({").append(c + 1).append("} as varchar[])");
            parts.add(DSL.val(arrayText(texts[c]), SQLDataType.VARCHAR));
            names.add("c" + c);
        }
        template.append(')');
        return DSL.table(template.toString(), parts.toArray(org.jooq.QueryPart[]::new))
                .as("v", names.toArray(String[]::new));
    }

    /** A typed value as PostgreSQL reads it back with a cast: ISO dates and times, plain decimals. */
    static String pgText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    private org.jooq.Condition idIn(RecordTable t, Collection<Long> ids) {
        return postgres() ? t.id.eq(DSL.any(DSL.val(ids.toArray(Long[]::new), SQLDataType.BIGINT.getArrayDataType())))
                : t.id.in(ids);
    }

    private int updateOneByOne(List<FieldDefinition> columns, List<PreparedWrite> rows) {
        int count = 0;
        for (PreparedWrite p : rows) {
            Map<Field<?>, Object> set = new HashMap<>();
            columns.forEach(f -> table.putColumns(set, f, p.values().get(f.id())));
            set.put(table.rowVersion, table.rowVersion.plus(1));
            set.put(table.updatedAt, now);
            set.put(table.updatedBy, actor.userId());
            count += dsl.update(table.table).set(set)
                    .where(table.id.eq(p.id()).and(table.rowVersion.eq(p.rowVersion())).and(table.deletedAt.isNull()))
                    .execute();
        }
        return count;
    }

    // ------------------------------------------------------------------ helpers

    private void writeMultiselects(long id, PreparedWrite p, boolean replace) {
        for (FieldDefinition f : table.form.fields()) {
            if (!RecordTable.isMultiselect(f) || !p.changed().contains(f.id())) {
                continue;
            }
            if (replace) {
                dsl.deleteFrom(table.side(f)).where(table.sideRecordId(f).eq(id)).execute();
            }
            @SuppressWarnings("unchecked")
            List<String> chosen = (List<String>) p.values().get(f.id());
            if (chosen != null && !chosen.isEmpty()) {
                var insert = dsl.insertInto(table.side(f), table.sideRecordId(f), table.sideValue(f));
                for (String value : chosen) {
                    insert = insert.values(id, value);
                }
                insert.execute();
            }
        }
    }

    private List<Field<?>> columnsOf(FieldDefinition f) {
        return f.storedType() == FieldType.MONEY ? List.of(table.column(f), table.currency(f))
                : List.of(table.column(f));
    }

    private boolean postgres() {
        return dsl.dialect().family() == SQLDialect.POSTGRES;
    }
}
