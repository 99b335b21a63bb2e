package io.kehu.platform.records;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.exception.DataAccessException;
import org.postgresql.PGStatement;

/**
 * Makes the PostgreSQL driver send a statement unnamed (never server-prepared), so that the database plans each
 * execution with its bind values: a <em>custom</em> plan.
 *
 * <p>Why (issue 15, read (d) in docs/benchmarks.md): the driver server-prepares a statement after 5 uses on a
 * connection, and after 5 more executions PostgreSQL may switch to a <em>generic</em> plan, chosen without the values.
 * For a filtered, sorted list page that can be much worse: the STAFF page "region = ?, score between ? and ?, owner =
 * ?, newest sign-up first" switched to a bitmap AND of the region and score indexes and a sort of ~1,400 rows (25–90
 * ms) instead of walking the sign-up index (1–2 ms with the values known). PostgreSQL plans such pages with their
 * values at every execution anyway as long as it keeps custom plans, so this costs the filtered list pages that kept
 * theirs nothing but a parse; only those that would have gone generic now plan each time (a fraction of a
 * millisecond). Quick search avoids the same trap by inlining its pattern ({@link QueryConditions}). On H2 this does
 * nothing.
 */
final class CustomPlans implements ExecuteListener {

    /** {@code dsl} with this listener added to its own (exception translation etc. stay). */
    static DSLContext on(DSLContext dsl) {
        return dsl.configuration().deriveAppending(new CustomPlans()).dsl();
    }

    @Override
    public void prepareEnd(ExecuteContext ctx) {
        PreparedStatement statement = ctx.statement();
        try {
            if (statement != null && statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Could not ask for custom plans: " + e.getMessage(), e);
        }
    }
}
