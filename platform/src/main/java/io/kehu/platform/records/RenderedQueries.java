package io.kehu.platform.records;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jooq.ConnectionProvider;
import org.jooq.Context;
import org.jooq.DSLContext;
import org.jooq.Param;
import org.jooq.RenderContext.CastMode;
import org.jooq.ResultQuery;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.CustomQueryPart;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL of the record store's reads, rendered by jOOQ once per statement shape and form version and then reused
 * with each call's bind values.
 *
 * <p>Why (issue 15, profiled in docs/benchmarks.md): after the typed reads, jOOQ rendering the where, order and page
 * parts of a filtered list page was the largest share (~31 %) of what {@code Records} spends over hand-written SQL.
 * The statement is still built with jOOQ at every call (cheap: objects, no text), and its bind values are collected
 * by {@link Binds} as they are made. The first statement of a shape is rendered by jOOQ; jOOQ's own list of the
 * statement's bind values says where each collected value goes (a value may be bound twice, or in another order than
 * it was made). The SQL is kept cut at the places of its values, and only if putting that statement's own values
 * back in renders exactly jOOQ's SQL; a statement whose bind values did not all come from {@link Binds} is never
 * reused and always rendered by jOOQ. Later statements of the shape send the kept text with their values rendered
 * into it by jOOQ (so jOOQ binds them with its own bindings), through the same {@link DSLContext} (listeners,
 * exception translation and transactions as before).
 *
 * <p>The key holds the {@link RecordTable} of the form version, and of any other form the statement reads (a
 * republished form has a new one, so its old entries are never hit again and age out), and the {@linkplain Binds#shape() shape}, which holds no value. At most
 * {@value #MAX_SHAPES} shapes are kept.
 */
final class RenderedQueries {

    static final int MAX_SHAPES = 2_000;

    private static final Logger log = LoggerFactory.getLogger(RenderedQueries.class);

    private record Key(RecordTable table, List<RecordTable> otherTables, String shape) {

        static Key of(RecordTable table, Binds binds) {
            return new Key(table, List.copyOf(binds.otherTables()), binds.shape());
        }
    }

    /**
     * The rendered SQL cut at its bind markers, and for each marker the index of the collected value bound there;
     * {@code fragments == null}: this shape is rendered by jOOQ every time.
     */
    private record Rendered(String sql, String[] fragments, int[] bindOrder, boolean[] uncast, int collected) {

        boolean reusable() {
            return fragments != null;
        }
    }

    private static final Rendered NOT_REUSABLE = new Rendered(null, null, new int[0], new boolean[0], -1);

    private final Cache<Key, Rendered> cache = Caffeine.newBuilder().maximumSize(MAX_SHAPES).build();
    private final LongAdder reused = new LongAdder();

    /**
     * The statement {@code build} makes, whose bind values {@code binds} collected while it was built ({@code build}
     * has already run or runs now; it is called at most once), ready to execute on {@code dsl}.
     */
    ResultQuery<?> query(DSLContext dsl, RecordTable table, Binds binds, Supplier<ResultQuery<?>> build) {
        if (!binds.cacheable()) {
            return build.get();
        }
        Key key = Key.of(table, binds);
        Rendered rendered = cache.getIfPresent(key);
        if (rendered == null) {
            ResultQuery<?> query = build.get();
            rendered = render(dsl, query, binds.params());
            cache.put(key, rendered);
            if (!rendered.reusable()) {
                return query;
            }
        } else if (!rendered.reusable()) {
            return build.get();
        } else if (rendered.collected() != binds.params().size()) {
            // The shape left out a decision that changes the values: a mistake in the statement's builder. Render
            // this one properly and say so, rather than bind values into the wrong places.
            log.warn("Statement shape {} of form {} made {} values, the kept SQL expects {}: rendering it anew",
                    binds.shape(), table.form.id(), binds.params().size(), rendered.collected());
            return build.get();
        }
        reused.increment();
        return dsl.resultQuery("{0}", new Replay(rendered, binds.params()));
    }

    /**
     * The rows of the statement {@code build} makes (as {@link #query}), read with {@code columns}' kinds. A statement
     * whose SQL is kept and whose values are all of the plain types below is sent by this class itself over JDBC,
     * on the connection jOOQ would use (so inside the caller's transaction when there is one): the kept SQL as
     * jOOQ rendered it, the values bound by position in the order jOOQ bound them.
     *
     * <p>Why (issue 15, read (c), JFR profile in docs/benchmarks.md): with the SQL kept, a quarter of a record read's
     * JVM time was still jOOQ rendering the kept text with the values back into it, building its execution context
     * and wrapping the statement and the result set, per statement; one record with its contacts and purchases is
     * three. Any other statement (not kept, or with a value of another type: arrays, nulls) goes through jOOQ as
     * before. {@code customPlans}: the statement must be sent unnamed to be planned with its values
     * ({@link io.kehu.platform.storage.CustomPlanReads}), which on
     * PostgreSQL is asked for here the same way.
     */
    List<Object[]> fetch(DSLContext dsl, RecordTable table, Binds binds, Supplier<ResultQuery<?>> build,
                         TypedRows.Columns columns, boolean customPlans) {
        Rendered rendered = binds.cacheable()
                ? cache.getIfPresent(Key.of(table, binds))
                : null;
        if (rendered == null || !rendered.reusable() || rendered.collected() != binds.params().size()
                || !plainValues(binds.params())) {
            return TypedRows.fetch(query(dsl, table, binds, build), columns);
        }
        reused.increment();
        ConnectionProvider connections = dsl.configuration().connectionProvider();
        Connection connection = connections.acquire();
        try (PreparedStatement statement = connection.prepareStatement(rendered.sql())) {
            if (customPlans && statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            int[] order = rendered.bindOrder();
            List<Param<?>> values = binds.params();
            for (int i = 0; i < order.length; i++) {
                statement.setObject(i + 1, values.get(order[i]).getValue());
            }
            try (ResultSet rs = statement.executeQuery()) {
                return TypedRows.readAll(rs, columns.kinds());
            }
        } catch (SQLException e) {
            throw new DataAccessException("Reading rows failed: " + e.getMessage(), e);
        } finally {
            connections.release(connection);
        }
    }

    /** Whether every value is one the drivers bind the same way jOOQ does for these columns ({@code setObject}). */
    private static boolean plainValues(List<Param<?>> values) {
        for (Param<?> p : values) {
            Object v = p.getValue();
            if (!(v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof String
                    || v instanceof BigDecimal || v instanceof Boolean || v instanceof LocalDate
                    || v instanceof OffsetDateTime)) {
                return false;
            }
        }
        return true;
    }

    /** How many statements were sent with SQL kept from an earlier one (tests, diagnostics). */
    long reused() {
        return reused.sum();
    }

    private static Rendered render(DSLContext dsl, ResultQuery<?> query, List<Param<?>> collected) {
        Map<Param<?>, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < collected.size(); i++) {
            index.put(collected.get(i), i);
        }
        List<Integer> order = new ArrayList<>();
        // extractParams lists every parameter in the order the SQL binds it, with repeats; inlined ones are text.
        for (Param<?> p : dsl.extractParams(query).values()) {
            if (p.isInline()) {
                continue;
            }
            Integer at = index.get(p);
            if (at == null) {
                return NOT_REUSABLE;
            }
            order.add(at);
        }
        // Cut the SQL where each value is rendered (a "?", on H2 "cast(? as bigint)"): the values are rendered again
        // at every call, which is also how jOOQ learns which values to bind.
        String sql = dsl.render(query);
        // Where jOOQ renders a value without its cast (a page's offset and size), so must the replay.
        String[] fragments = new String[order.size() + 1];
        boolean[] uncast = new boolean[order.size()];
        int cursor = 0;
        for (int i = 0; i < order.size(); i++) {
            Param<?> value = collected.get(order.get(i));
            int next = sql.indexOf('?', cursor);
            String marker = dsl.render(value);
            int start = next - marker.indexOf('?');
            if (next < 0 || marker.indexOf('?') < 0 || start < cursor || !sql.startsWith(marker, start)) {
                marker = dsl.renderContext().castMode(CastMode.NEVER).visit(value).render();
                start = next - marker.indexOf('?');
                uncast[i] = true;
                if (next < 0 || marker.indexOf('?') < 0 || start < cursor || !sql.startsWith(marker, start)) {
                    return NOT_REUSABLE;
                }
            }
            fragments[i] = sql.substring(cursor, start);
            cursor = start + marker.length();
        }
        fragments[order.size()] = sql.substring(cursor);
        Rendered rendered = new Rendered(sql, fragments, order.stream().mapToInt(Integer::intValue).toArray(), uncast,
                collected.size());
        // Kept only when it renders to exactly what jOOQ rendered for the whole statement.
        String replayed = dsl.render(dsl.resultQuery("{0}", new Replay(rendered, collected)));
        return sql.equals(replayed) ? rendered : NOT_REUSABLE;
    }

    /** The kept SQL with this call's values rendered (and so bound by jOOQ) in their places. */
    private static final class Replay extends CustomQueryPart {

        private final transient Rendered rendered;
        private final transient List<Param<?>> values;

        Replay(Rendered rendered, List<Param<?>> values) {
            this.rendered = rendered;
            this.values = values;
        }

        @Override
        public void accept(Context<?> ctx) {
            String[] fragments = rendered.fragments();
            int[] order = rendered.bindOrder();
            boolean[] uncast = rendered.uncast();
            for (int i = 0; i < order.length; i++) {
                ctx.sql(fragments[i]);
                if (uncast[i]) {
                    CastMode mode = ctx.castMode();
                    ctx.castMode(CastMode.NEVER).visit(values.get(order[i])).castMode(mode);
                } else {
                    ctx.visit(values.get(order[i]));
                }
            }
            ctx.sql(fragments[order.length]);
        }
    }
}
