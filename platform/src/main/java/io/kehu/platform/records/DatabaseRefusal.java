package io.kehu.platform.records;

import java.sql.SQLException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What the database refused under concurrency, read from the SQL state of an exception's causes: a unique index
 * (another writer took the value) or a lost race for a row (lock timeout, serialization failure, deadlock, H2's
 * "concurrent update"), which may be retried. Here because only the storage owners look at JDBC.
 */
public enum DatabaseRefusal {
    /** A unique index refused a second row with the same value (SQL state 23505). */
    DUPLICATE,
    /** The write lost a race for a row: 40001, 40P01, 55P03, HYT00, 90131. */
    CONFLICT,
    /** Anything else. */
    OTHER;

    /** The kind of {@code e}, looking through its causes. */
    public static DatabaseRefusal of(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String state = t instanceof SQLException sql ? sql.getSQLState() : null;
            if (t instanceof DuplicateKeyException || "23505".equals(state)) {
                return DUPLICATE;
            }
            if (t instanceof ConcurrencyFailureException || state != null && (state.equals("40001")
                    || state.equals("40P01") || state.equals("55P03") || state.equals("HYT00")
                    || state.equals("90131"))) {
                return CONFLICT;
            }
        }
        return OTHER;
    }
}
