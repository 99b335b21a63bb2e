package io.kehu.platform.plugins;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of {@code kehu_plugin_lock} behind {@link io.kehu.sdk.locks.PluginLocks}: a lock is a
 * {@code SELECT ... FOR UPDATE} of its row in the caller's transaction (joined, or opened for the work), so it is
 * released by that transaction's commit or rollback and never outlives a crashed node. The row is created once, in
 * a transaction of its own, so that two first users of a name do not fail each other's write on the primary key.
 */
@Repository
public class PluginLockStore {

    static final int MAX_KEY_LENGTH = 200;

    private static final Table<Record> LOCK = table(name("kehu_plugin_lock"));
    private static final Field<String> PLUGIN = field(name("plugin_id"), String.class);
    private static final Field<String> KEY = field(name("lock_key"), String.class);

    private final DSLContext dsl;
    private final TransactionTemplate joinOrOpen;
    private final TransactionTemplate ownTransaction;

    PluginLockStore(DSLContext dsl, PlatformTransactionManager transactions) {
        this.dsl = dsl;
        this.joinOrOpen = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> T exclusively(String pluginId, String key, Supplier<T> work) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("A lock name is 1 to " + MAX_KEY_LENGTH + " characters, not " + key);
        }
        if (!dsl.fetchExists(LOCK, PLUGIN.eq(pluginId).and(KEY.eq(key)))) {
            create(pluginId, key);
        }
        return joinOrOpen.execute(status -> {
            dsl.select(KEY).from(LOCK).where(PLUGIN.eq(pluginId)).and(KEY.eq(key)).forUpdate().fetch();
            return work.get();
        });
    }

    private void create(String pluginId, String key) {
        try {
            ownTransaction.executeWithoutResult(status -> dsl.insertInto(LOCK, PLUGIN, KEY)
                    .select(DSL.select(DSL.val(pluginId), DSL.val(key))
                            .whereNotExists(DSL.selectOne().from(LOCK).where(PLUGIN.eq(pluginId)).and(KEY.eq(key))))
                    .execute());
        } catch (DataAccessException anotherWriterCreatedItFirst) {
            // the row exists now, which is all a lock needs
        }
    }
}
