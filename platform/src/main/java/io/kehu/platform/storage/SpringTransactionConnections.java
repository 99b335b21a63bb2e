package io.kehu.platform.storage;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Gives jOOQ the connection of the caller's Spring transaction when there is one, else a connection of the pool for
 * the one statement: what a {@code TransactionAwareDataSourceProxy} does, without its per-statement cost.
 *
 * <p>Why (issue 15, read (a), JFR profile in docs/benchmarks.md): the proxy made a new {@code java.lang.reflect.Proxy}
 * for every statement jOOQ executed and routed each call on the connection (prepare, close, unwrap) through
 * reflection — about a tenth of the JVM time of a filtered list page. {@link DataSourceUtils} is what the proxy calls
 * underneath: the same connection per transaction, the same synchronisation with a transaction scope, the same
 * release (a transaction's connection stays open until it ends).
 */
final class SpringTransactionConnections implements ConnectionProvider {

    private final DataSource dataSource;

    SpringTransactionConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection acquire() {
        try {
            return DataSourceUtils.doGetConnection(dataSource);
        } catch (SQLException | CannotGetJdbcConnectionException e) {
            throw new DataAccessException("No database connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Connection connection) {
        try {
            DataSourceUtils.doReleaseConnection(connection, dataSource);
        } catch (SQLException e) {
            throw new DataAccessException("Could not give the database connection back: " + e.getMessage(), e);
        }
    }
}
