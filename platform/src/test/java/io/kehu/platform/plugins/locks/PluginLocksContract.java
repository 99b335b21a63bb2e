package io.kehu.platform.plugins.locks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.plugins.PluginLockStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A plugin's named lock on a real database ({@code PluginLocks}): the lock's row is created on the name's first use
 * inside the caller's transaction (rolled back with it, no second connection), first users racing for a new name all
 * get it one after another with their transactions still usable, and the lock excludes while held.
 */
abstract class PluginLocksContract {

    private static final AtomicInteger N = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static final String PLUGIN = "locks-test";

    @Autowired
    PluginLockStore locks;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DSLContext dsl;

    @Test
    void aNamesRowIsCreatedInTheCallersTransactionAndRolledBackWithIt() {
        String key = "first-" + N.incrementAndGet();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(locks.exclusively(PLUGIN, key, () -> "held")).isEqualTo("held");
            assertThat(rows(key)).isEqualTo(1); // visible to the caller's transaction
            status.setRollbackOnly();
        });
        assertThat(rows(key)).as("the row went with the caller's rollback: it was written in that transaction")
                .isZero();

        new TransactionTemplate(transactions).executeWithoutResult(status -> locks.exclusively(PLUGIN, key, () -> 1));
        assertThat(rows(key)).isEqualTo(1);
    }

    @Test
    void firstUsersOfANewNameAtTheSameMomentGetItOneAfterAnotherAndTheirTransactionsGoOn() throws Exception {
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 4; round++) {
                String key = "race-" + N.incrementAndGet();
                AtomicInteger inside = new AtomicInteger();
                AtomicInteger most = new AtomicInteger();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return new TransactionTemplate(transactions).execute(status -> {
                            int seen = locks.exclusively(PLUGIN, key, () -> {
                                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                                sleep(15);
                                inside.decrementAndGet();
                                return 1;
                            });
                            // a statement after the lock: a refused insert would have aborted this transaction
                            // on PostgreSQL
                            return seen + rows(key) - 1;
                        });
                    }));
                }
                start.countDown();
                for (Future<Integer> f : done) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(1);
                }
                assertThat(most.get()).as("holders of %s at once", key).isEqualTo(1);
                assertThat(rows(key)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutACallersTransactionTheLockOpensOneForTheWork() {
        String key = "own-" + N.incrementAndGet();
        assertThat(locks.exclusively(PLUGIN, key, () -> rows(key))).isEqualTo(1);
        assertThat(locks.exclusively(PLUGIN, key, () -> "again")).isEqualTo("again");
        assertThat(rows(key)).isEqualTo(1);
    }

    private int rows(String key) {
        return dsl.fetchCount(table(name("kehu_plugin_lock")), field(name("plugin_id")).eq(PLUGIN)
                .and(field(name("lock_key")).eq(key)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
