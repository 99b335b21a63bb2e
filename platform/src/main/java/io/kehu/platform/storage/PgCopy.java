package io.kehu.platform.storage;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY table (columns) FROM STDIN} (text format), sent on the connection of the caller's
 * transaction: what a bulk write (an import's records, their audit rows and row keys) uses instead of
 * {@code INSERT ... SELECT FROM unnest(arrays)}. No SQL to render per chunk, no arrays to encode and parse, no casts:
 * the server reads each value with its column type's input function, as a cast from text would. It is still a plain
 * write in the transaction: rolled back with it, checked by the table's constraints and indexes.
 *
 * <p>Values are written as PostgreSQL reads them back: {@code null} as {@code \N}, decimals without exponent, dates
 * and times in ISO form ({@code toString}), everything else by {@code toString}; backslash, tab, newline and carriage
 * return escaped. A date or time the same for every row (a chunk's "now") is best passed as its text, made once.
 */
public final class PgCopy {

    private final StringBuilder text;
    private boolean inRow;
    private int rows;

    /** For about {@code expectedRows} rows of {@code charsPerRow} characters (the buffer grows as needed). */
    public PgCopy(int expectedRows, int charsPerRow) {
        this.text = new StringBuilder(Math.max(1024, Math.min(1 << 24, expectedRows * charsPerRow)));
    }

    /** Appends the next value of the current row. */
    public PgCopy add(Object value) {
        if (inRow) {
            text.append('\t');
        }
        inRow = true;
        if (value == null) {
            text.append("\\N");
            return this;
        }
        String s = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        int i = 0;
        while (i < s.length() && !special(s.charAt(i))) {
            i++;
        }
        if (i == s.length()) {
            text.append(s);
            return this;
        }
        text.append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Ends the current row. */
    public PgCopy endRow() {
        text.append('\n');
        inRow = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /**
     * Copies the rows into {@code columns} of {@code table} on the connection {@code dsl} gives (the caller's
     * transaction's); columns left out take their defaults.
     *
     * @return the number of rows the server says it wrote
     */
    public long into(DSLContext dsl, Table<?> table, List<? extends Field<?>> columns) {
        if (rows == 0) {
            return 0;
        }
        StringBuilder sql = new StringBuilder("copy ").append(dsl.render(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dsl.render(columns.get(i).getUnqualifiedName()));
        }
        sql.append(") from stdin");
        return dsl.connectionResult(c -> {
            try {
                return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString(),
                        new StringReader(text.toString()));
            } catch (IOException e) {
                throw new DataAccessException("COPY into " + table.getName() + " failed: " + e.getMessage(), e);
            } catch (SQLException e) {
                throw new DataAccessException("COPY into " + table.getName() + " failed: " + e.getMessage(), e);
            }
        });
    }
}
