package io.kehu.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.support.KehuPostgresTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filtered list pages are planned with their values on PostgreSQL: outside a transaction on a session that forces
 * custom plans (statements stay server-prepared), inside one on the transaction's own connection, sent unnamed.
 */
@KehuPostgresTest
class CustomPlanReadsPostgresTest {

    @Autowired
    CustomPlanReads reads;

    @Autowired
    DSLContext dsl;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void outsideATransactionTheOwnPoolsSessionsForceCustomPlans() {
        assertThat(reads.sendUnnamed()).isFalse();
        assertThat(planCacheMode(reads.dsl())).isEqualTo("force_custom_plan");
        assertThat(planCacheMode(dsl)).as("the ordinary pool plans as usual").isEqualTo("auto");
    }

    @Test
    void insideATransactionTheTransactionsConnectionIsUsedAndStatementsGoUnnamed() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            long mine = dsl.fetchValue(DSL.field("txid_current()", Long.class));
            assertThat(reads.dsl().fetchValue(DSL.field("txid_current()", Long.class)))
                    .as("the same transaction").isEqualTo(mine);
            assertThat(reads.sendUnnamed()).isTrue();
            assertThat(planCacheMode(reads.dsl())).isEqualTo("auto");
            reads.dsl().connection(c -> assertThat(thresholdAfterPrepared(c)).isZero());
        });
    }

    @Test
    void outsideATransactionStatementsKeepTheDriversThreshold() {
        reads.dsl().connection(c -> assertThat(thresholdAfterPrepared(c)).isEqualTo(5));
    }

    private static String planCacheMode(DSLContext context) {
        return context.fetchValue(DSL.field("current_setting('plan_cache_mode')", String.class));
    }

    private int thresholdAfterPrepared(Connection c) throws java.sql.SQLException {
        try (PreparedStatement statement = c.prepareStatement("select 1")) {
            reads.prepared(statement);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
            }
            return statement.unwrap(PGStatement.class).getPrepareThreshold();
        }
    }
}
