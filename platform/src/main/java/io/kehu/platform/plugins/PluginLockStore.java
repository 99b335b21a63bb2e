package io.kehu.platform.plugins;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.records.DatabaseRefusal;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of {@code kehu_plugin_lock} behind {@link io.kehu.sdk.locks.PluginLocks}: a lock is a
 * {@code SELECT ... FOR UPDATE} of its row in the caller's transaction (joined, or opened for the work), so it is
 * released by that transaction's commit or rollback and never outlives a crashed node.
 *
 * <p>A name's row is created on its first use in that same transaction, never in one of its own: a transaction of
 * its own takes another pooled connection while the caller already holds one (a listener running after a commit
 * holds two), which starved the pool when many first users came at once. The insert must then never fail, because a
 * failed statement aborts a PostgreSQL transaction — the caller's. On PostgreSQL it is
 * {@code INSERT ... ON CONFLICT DO NOTHING}, which waits for a concurrent first user's uncommitted row and then does
 * nothing (or inserts, had that one rolled back). H2 waits the same way on the uncommitted key and then refuses the
 * duplicate, but undoes only the failed statement, so the refusal is caught and the transaction goes on. Either way
 * the row is then locked (and waited for) like any other.
 */
@Repository
public class PluginLockStore {

    static final int MAX_KEY_LENGTH = 200;
    /** A first user whose row rolled back leaves nothing to lock; the next turn inserts it again. */
    private static final int ATTEMPTS = 5;

    private static final Table<Record> LOCK = table(name("kehu_plugin_lock"));
    private static final Field<String> PLUGIN = field(name("plugin_id"), String.class);
    private static final Field<String> KEY = field(name("lock_key"), String.class);

    private final DSLContext dsl;
    private final TransactionTemplate joinOrOpen;

    PluginLockStore(DSLContext dsl, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.joinOrOpen = new TransactionTemplate(transactions);
    }

    public <T> T exclusively(String pluginId, String key, Supplier<T> work) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("A lock name is 1 to " + MAX_KEY_LENGTH + " characters, not " + key);
        }
        return joinOrOpen.execute(status -> {
            lock(pluginId, key);
            return work.get();
        });
    }

    /** Locks the name's row, creating it first if this is the name's first use; inside the caller's transaction. */
    private void lock(String pluginId, String key) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (lockRow(pluginId, key)) {
                return; // every use after the first: one statement
            }
            create(pluginId, key);
        }
        throw new IllegalStateException("The lock " + key + " of plugin " + pluginId + " could not be created");
    }

    private boolean lockRow(String pluginId, String key) {
        return !dsl.select(KEY).from(LOCK).where(PLUGIN.eq(pluginId)).and(KEY.eq(key)).forUpdate().fetch().isEmpty();
    }

    private void create(String pluginId, String key) {
        if (dsl.dialect().family() == SQLDialect.POSTGRES) {
            dsl.insertInto(LOCK, PLUGIN, KEY).values(pluginId, key).onConflictDoNothing().execute();
            return;
        }
        try {
            dsl.insertInto(LOCK, PLUGIN, KEY).values(pluginId, key).execute();
        } catch (RuntimeException e) { // jOOQ's or, translated, Spring's
            if (DatabaseRefusal.of(e) != DatabaseRefusal.DUPLICATE) {
                throw e;
            }
            // another first user committed the row while this insert waited for it: it is there to lock now
        }
    }
}
