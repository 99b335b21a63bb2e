package io.kehu.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.tools.jdbc.JDBCUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connection pool and the jOOQ context every feature writes through. */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kehu");
        config.setJdbcUrl(properties.effectiveUrl());
        config.setUsername(properties.effectiveUser());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(10);
        if (config.getJdbcUrl().startsWith("jdbc:h2:")) {
            // An embedded database has no server or network that could drop a connection, so connections are never
            // retired for age. Retiring them would also close the database itself: H2 closes a database when its last
            // connection closes, and after a long pause (a loaded machine, a suspended laptop) the pool retires every
            // connection at once, so statements in flight failed with "The database has been closed".
            config.setMaxLifetime(0);
        }
        return new HikariDataSource(config);
    }

    @Bean
    DSLContext dsl(DataSource dataSource, DatabaseProperties properties) {
        SQLDialect dialect = JDBCUtils.dialect(properties.effectiveUrl());
        // jOOQ joins Spring's @Transactional boundaries instead of auto-committing each statement.
        var configuration = new DefaultConfiguration()
                .set(new SpringTransactionConnections(dataSource))
                .set(dialect);
        return DSL.using(configuration);
    }

    /** Filtered list pages' reads: planned with their values at every call (see {@link CustomPlanReads}). */
    @Bean(destroyMethod = "close")
    CustomPlanReads customPlanReads(HikariDataSource dataSource, DSLContext dsl) {
        return dsl.dialect().family() == SQLDialect.POSTGRES
                ? CustomPlanReads.postgres(dataSource, dataSource, dataSource.getMaximumPoolSize(), dsl)
                : CustomPlanReads.plain(dataSource, dsl);
    }
}
