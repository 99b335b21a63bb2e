package io.kehu.platform.records;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.CustomField;
import org.jooq.impl.SQLDataType;

/**
 * Reads the rows of a form's table with the JDBC driver's typed getters instead of through jOOQ's records.
 *
 * <p>Why (issue 15, profiled with JFR in docs/benchmarks.md): for a page of 50 customers × 45 columns, jOOQ's
 * per-value conversion (a binding and converter look-up per value, dates through {@code java.sql.Date}, timestamps
 * parsed from text on PostgreSQL) and rendering the 45 qualified column names of the select list took about half of
 * the read path's fixed cost over hand-written SQL. Here the select list is rendered once per {@link RecordTable}
 * (i.e. per published form version) and passed to jOOQ as one plain-SQL part, and each column is read by a getter
 * chosen once from its declared type. The values have exactly the Java types jOOQ gives for those data types
 * ({@code Long}, {@code Integer}, {@code Short}, {@code String}, {@code BigDecimal}, {@code LocalDate},
 * {@code OffsetDateTime}, {@code Boolean}), so callers cannot tell the difference. The statement is still built,
 * bound and executed by jOOQ (same SQL, same bind values, same exception translation).
 */
final class TypedRows {

    /** How one column is read. */
    enum Kind {
        LONG, INTEGER, SHORT, STRING, DECIMAL, DATE, TIMESTAMP_TZ, BOOLEAN, OTHER;

        static Kind of(Field<?> field) {
            Class<?> type = field.getType();
            if (type == Long.class) {
                return LONG;
            } else if (type == Integer.class) {
                return INTEGER;
            } else if (type == Short.class) {
                return SHORT;
            } else if (type == String.class) {
                return STRING;
            } else if (type == BigDecimal.class) {
                return DECIMAL;
            } else if (type == LocalDate.class) {
                return DATE;
            } else if (type == OffsetDateTime.class) {
                return TIMESTAMP_TZ;
            } else if (type == Boolean.class) {
                return BOOLEAN;
            }
            return OTHER;
        }
    }

    /** A select list rendered once, with the read kind of each of its columns. */
    record Columns(Field<Object> sql, Kind[] kinds) {

        static Columns of(DSLContext dsl, List<Field<?>> select) {
            StringJoiner text = new StringJoiner(", ");
            Kind[] kinds = new Kind[select.size()];
            for (int i = 0; i < kinds.length; i++) {
                text.add(dsl.render(select.get(i)));
                kinds[i] = Kind.of(select.get(i));
            }
            // Appended as it is: a plain-SQL part (DSL.sql) would be scanned for bind markers at every render.
            String rendered = text.toString();
            return new Columns(CustomField.of("typed_rows", SQLDataType.OTHER, ctx -> ctx.sql(rendered)), kinds);
        }
    }

    private TypedRows() {
    }

    /** Executes {@code query} (whose select list is {@code columns.sql()}) and reads every row into an array. */
    static List<Object[]> fetch(ResultQuery<?> query, Columns columns) {
        Kind[] kinds = columns.kinds();
        // A statement replayed as plain SQL (RenderedQueries) has no select list jOOQ knows, and jOOQ would read the
        // result's metadata at every call to make one; coerced to the one rendered column list, it does not.
        ResultQuery<?> typed = query instanceof Select<?> ? query : query.coerce(columns.sql());
        try (ResultSet rs = typed.fetchResultSet()) {
            return readAll(rs, kinds);
        } catch (SQLException e) {
            throw new DataAccessException("Reading rows failed: " + e.getMessage(), e);
        }
    }

    /** Every row of {@code rs}, each column read as its {@code kinds} entry says. */
    static List<Object[]> readAll(ResultSet rs, Kind[] kinds) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[kinds.length];
            for (int i = 0; i < kinds.length; i++) {
                row[i] = read(rs, i + 1, kinds[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static Object read(ResultSet rs, int column, Kind kind) throws SQLException {
        return switch (kind) {
            case LONG -> {
                long v = rs.getLong(column);
                yield rs.wasNull() ? null : v;
            }
            case INTEGER -> {
                int v = rs.getInt(column);
                yield rs.wasNull() ? null : v;
            }
            case SHORT -> {
                short v = rs.getShort(column);
                yield rs.wasNull() ? null : v;
            }
            case BOOLEAN -> {
                boolean v = rs.getBoolean(column);
                yield rs.wasNull() ? null : v;
            }
            case STRING -> rs.getString(column);
            case DECIMAL -> rs.getBigDecimal(column);
            case DATE -> rs.getObject(column, LocalDate.class);
            case TIMESTAMP_TZ -> rs.getObject(column, OffsetDateTime.class);
            case OTHER -> rs.getObject(column);
        };
    }
}
