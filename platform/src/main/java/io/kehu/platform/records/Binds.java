package io.kehu.platform.records;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * The bind values of one statement while it is built, in the order they are made, and its <em>shape</em>: a text
 * that says everything about the statement except those values (which columns are compared how, which values are
 * empty, how many values a list has, the sort, the page size). Two statements of the same form version with the same
 * shape render to the same SQL, so {@link RenderedQueries} can keep the SQL and bind new values into it.
 *
 * <p>The shape never holds a value: only {@code ?} for a value and {@code n} for an empty one. Whoever builds the
 * statement adds to it every decision that changes the SQL; a part whose SQL depends on values it cannot describe
 * (quick search inlines its pattern, a visibility rule reaches into other forms) marks the statement as not
 * cacheable, and it is rendered by jOOQ every time as before.
 */
final class Binds {

    private final List<Param<?>> params = new ArrayList<>();
    private final StringBuilder shape = new StringBuilder(64);
    private final List<RecordTable> otherTables = new ArrayList<>(1);
    private boolean cacheable = true;

    /** A bind value for a comparison with {@code column}, converted to its type as jOOQ's {@code val} does. */
    <T> Param<T> value(Object value, Field<T> column) {
        Param<T> p = DSL.val(value, column);
        params.add(p);
        shape.append(value == null ? 'n' : '?');
        return p;
    }

    /** One bind value holding a whole array (PostgreSQL's {@code = any(?)}). */
    <T> Param<T[]> array(T[] values, DataType<T[]> type) {
        Param<T[]> p = DSL.val(values, type);
        params.add(p);
        shape.append('?');
        return p;
    }

    /** A bind value of a page's offset or size. */
    Param<Integer> number(int value) {
        Param<Integer> p = DSL.val(value);
        params.add(p);
        shape.append('#');
        return p;
    }

    /** Adds {@code part} (a column name, operator, branch taken — never a value) to the shape. */
    Binds shape(Object part) {
        shape.append('|').append(part);
        return this;
    }

    /**
     * The statement reads {@code table} too (besides the one it is kept for): its SQL is kept for this version of
     * that form only.
     */
    Binds alsoOf(RecordTable table) {
        otherTables.add(table);
        return this;
    }

    List<RecordTable> otherTables() {
        return otherTables;
    }

    /** The statement depends on something the shape cannot say: render it every time. */
    void notCacheable() {
        cacheable = false;
    }

    boolean cacheable() {
        return cacheable;
    }

    String shape() {
        return shape.toString();
    }

    List<Param<?>> params() {
        return params;
    }
}
