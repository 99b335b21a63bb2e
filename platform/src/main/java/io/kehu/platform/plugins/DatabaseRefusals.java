package io.kehu.platform.plugins;

import io.kehu.sdk.records.RecordException;
import java.sql.SQLException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Turns what the database refused under concurrency into the SDK's {@link RecordException}s, so a plugin can tell
 * "already there" from "lost a race, try again" without seeing JDBC or Spring types. The write checks find a taken
 * unique value before the insert; the unique index catches the writer that checked at the same moment.
 */
final class DatabaseRefusals {

    /** Unique index (PostgreSQL and H2 both use the standard 23505). */
    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseRefusals() {
    }

    /** The SDK refusal for {@code e}, or {@code e} itself when it is not a refusal a plugin can act on. */
    static RuntimeException translated(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException || t instanceof SQLException sql
                    && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return new RecordException(RecordException.Reason.DUPLICATE,
                        "A unique value is already taken: " + rootMessage(e));
            }
            if (t instanceof ConcurrencyFailureException || t instanceof SQLException sql && transient_(sql)) {
                return new RecordException(RecordException.Reason.CONFLICT,
                        "Another write to the same record came first; retry: " + rootMessage(e));
            }
        }
        return e;
    }

    /**
     * Serialization failure (40001), deadlock (40P01), lock timeout (PostgreSQL 55P03, H2 HYT00) and H2's
     * "concurrent update" (90131): the write lost a race and may be retried.
     */
    private static boolean transient_(SQLException sql) {
        String state = sql.getSQLState();
        return state != null && (state.equals("40001") || state.equals("40P01") || state.equals("55P03")
                || state.equals("HYT00") || state.equals("90131"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
