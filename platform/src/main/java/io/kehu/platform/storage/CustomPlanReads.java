package io.kehu.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.postgresql.PGStatement;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A jOOQ context for reads PostgreSQL must plan with their values at every call: filtered list pages.
 *
 * <p>Why (issue 15, read (d) in docs/benchmarks.md): the driver server-prepares a statement after 5 uses on a
 * connection, and after 5 more executions PostgreSQL may switch to a <em>generic</em> plan, chosen without the values.
 * For a filtered, sorted list page that can be much worse: the STAFF page "region = ?, score between ? and ?, owner =
 * ?, newest sign-up first" switched to a bitmap AND of the region and score indexes and a sort of ~1,400 rows (25–90
 * ms) instead of walking the sign-up index (1–2 ms with the values known).
 *
 * <p>How: outside a transaction such a read takes a connection of a small pool of its own whose sessions run with
 * {@code plan_cache_mode = force_custom_plan}, so its statements are server-prepared as usual (no parse and no row
 * description per call) and still planned with their values every time. Inside a transaction it must use the
 * transaction's connection, whose session plans as usual; there the statement is sent unnamed (never
 * server-prepared), which also gets a custom plan, at the price of a parse and a row description per call — what
 * every filtered page paid before (measured in docs/benchmarks.md, "a pool that forces custom plans"). Reads that
 * are better served by one kept plan (a record by id, the rows of one referenced record) use the ordinary context.
 * On H2 this is the ordinary context.
 */
public final class CustomPlanReads implements AutoCloseable {

    private final DataSource main;
    private final HikariDataSource ownPool;
    private final DSLContext dsl;

    private CustomPlanReads(DataSource main, HikariDataSource ownPool, DSLContext plain) {
        this.main = main;
        this.ownPool = ownPool;
        this.dsl = ownPool == null ? plain : DSL.using(plain.configuration().derive(new Connections())
                .deriveAppending(new SendUnnamed()));
    }

    /** On H2 (no server plans): the ordinary context. */
    static CustomPlanReads plain(DataSource main, DSLContext plain) {
        return new CustomPlanReads(main, null, plain);
    }

    /** On PostgreSQL: a pool of up to {@code size} connections beside {@code mainConfig}'s, planning with values. */
    static CustomPlanReads postgres(DataSource main, HikariConfig mainConfig, int size, DSLContext plain) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kehu-custom-plans");
        config.setJdbcUrl(mainConfig.getJdbcUrl());
        config.setUsername(mainConfig.getUsername());
        config.setPassword(mainConfig.getPassword());
        config.setMaximumPoolSize(size);
        // Opened when pages are read and closed after two idle minutes: a node (or a test's cached context) that
        // reads no filtered page holds no extra server connection.
        config.setMinimumIdle(0);
        config.setIdleTimeout(java.time.Duration.ofMinutes(2).toMillis());
        config.setConnectionInitSql("set plan_cache_mode = force_custom_plan");
        return new CustomPlanReads(main, new HikariDataSource(config), plain);
    }

    /** The context for such reads. */
    public DSLContext dsl() {
        return dsl;
    }

    /**
     * Whether a statement run now on a connection of {@link #dsl()} must be sent unnamed to be planned with its
     * values: on PostgreSQL inside a transaction (the transaction's connection plans as usual); else not.
     */
    public boolean sendUnnamed() {
        return ownPool != null && inTransaction();
    }

    /**
     * Asks the driver to send {@code statement}, prepared on a connection of {@link #dsl()} just now, unnamed when
     * {@link #sendUnnamed()} says so.
     */
    public void prepared(PreparedStatement statement) {
        if (!sendUnnamed()) {
            return;
        }
        try {
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Could not ask for custom plans: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** A connection (or a transaction scope) of the main pool is bound to this thread. */
    private boolean inTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.getResource(main) != null;
    }

    /** The transaction's connection inside one, else one of the own pool for the one statement. */
    private final class Connections implements ConnectionProvider {

        @Override
        public Connection acquire() {
            try {
                return inTransaction() ? DataSourceUtils.doGetConnection(main) : ownPool.getConnection();
            } catch (SQLException | CannotGetJdbcConnectionException e) {
                throw new DataAccessException("No database connection: " + e.getMessage(), e);
            }
        }

        @Override
        public void release(Connection connection) {
            try {
                // A connection of the own pool is not the transaction's: this closes it, back to its pool.
                DataSourceUtils.doReleaseConnection(connection, main);
            } catch (SQLException e) {
                throw new DataAccessException("Could not give the database connection back: " + e.getMessage(), e);
            }
        }
    }

    /** Statements jOOQ runs on a transaction's connection go unnamed (see the class comment). */
    private final class SendUnnamed implements ExecuteListener {

        @Override
        public void prepareEnd(ExecuteContext ctx) {
            if (ctx.statement() != null) {
                prepared(ctx.statement());
            }
        }
    }
}
