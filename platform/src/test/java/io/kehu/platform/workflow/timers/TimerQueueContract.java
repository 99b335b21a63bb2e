package io.kehu.platform.workflow.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Durable timers on a real database: due ones fire once, in order, even with two pollers; failures retry later. */
abstract class TimerQueueContract {

    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    @Autowired
    TimerQueue timers;

    @Autowired
    DSLContext dsl;

    @BeforeEach
    void empty() {
        dsl.deleteFrom(DSL.table(DSL.name("kehu_workflow_timer"))).execute();
    }

    @Test
    void dueTimersFireOnceEarliestFirstAndLaterOnesWait() {
        timers.schedule(NOW.minusSeconds(10), "step", "feedback", 2, "complaint_handling", "b");
        timers.schedule(NOW.minusSeconds(60), "sla_breach", "feedback", 1, "complaint_handling", "a");
        timers.schedule(NOW.plusSeconds(1), "sla_remind", "feedback", 3, "complaint_handling", "c");
        List<String> fired = Collections.synchronizedList(new ArrayList<>());

        assertThat(timers.fireDue(NOW, 10, timer -> fired.add(timer.subject()))).isEqualTo(2);
        assertThat(timers.fireDue(NOW, 10, timer -> fired.add(timer.subject()))).isZero();
        assertThat(fired).containsExactly("a", "b");
        assertThat(timers.pending("feedback", 3)).extracting(DueTimer::kind).containsExactly("sla_remind");

        assertThat(timers.fireDue(NOW.plusSeconds(1), 10, timer -> fired.add(timer.subject()))).isEqualTo(1);
        assertThat(fired).containsExactly("a", "b", "c");
    }

    @Test
    void twoPollersNeverFireOneTimerTwice() throws Exception {
        int count = 2_000;
        var insert = dsl.insertInto(DSL.table(DSL.name("kehu_workflow_timer")), DSL.field(DSL.name("due_at")),
                DSL.field(DSL.name("kind")), DSL.field(DSL.name("form_id")), DSL.field(DSL.name("record_id")),
                DSL.field(DSL.name("workflow_id")), DSL.field(DSL.name("subject")));
        for (int i = 0; i < count; i++) {
            insert = insert.values(NOW.minusSeconds(i % 100).atOffset(java.time.ZoneOffset.UTC), "step", "feedback",
                    (long) i, "complaint_handling", "s" + i);
        }
        insert.execute();
        Set<Long> fired = ConcurrentHashMap.newKeySet();
        List<Long> twice = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                runs.add(pollers.submit(() -> {
                    start.await();
                    int total = 0;
                    int batch;
                    do {
                        batch = timers.fireDue(NOW, 100, timer -> {
                            if (!fired.add(timer.id())) {
                                twice.add(timer.id());
                            }
                        });
                        total += batch;
                    } while (batch > 0);
                    return total;
                }));
            }
            start.countDown();
            int total = runs.get(0).get() + runs.get(1).get();
            assertThat(twice).as("fired twice").isEmpty();
            assertThat(total).isEqualTo(count);
            assertThat(fired).hasSize(count);
            assertThat(dsl.fetchCount(DSL.table(DSL.name("kehu_workflow_timer")))).isZero();
        } finally {
            pollers.shutdownNow();
        }
    }

    @Test
    void aFailingEffectIsUndoneAndRetriedLaterWhileTheOthersFire() {
        long failing = timers.schedule(NOW.minusSeconds(30), "step", "feedback", 1, "complaint_handling", "boom");
        timers.schedule(NOW.minusSeconds(20), "step", "feedback", 2, "complaint_handling", "fine");

        int fired = timers.fireDue(NOW, 10, timer -> {
            // the effect writes, then fails: its write must be rolled back with it
            timers.schedule(NOW.plus(Duration.ofDays(1)), "written-by-effect", "feedback", 9, "x", timer.subject());
            if (timer.subject().equals("boom")) {
                throw new IllegalStateException("effect failed");
            }
        });

        assertThat(fired).isEqualTo(1);
        assertThat(timers.pending("feedback", 9)).extracting(DueTimer::subject).containsExactly("fine");
        DueTimer retried = timers.pending("feedback", 1).getFirst();
        assertThat(retried.id()).isEqualTo(failing);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.dueAt()).isEqualTo(NOW.plus(TimerQueue.FIRST_RETRY));
        assertThat(timers.fireDue(NOW, 10, timer -> { })).as("not yet due again").isZero();
    }

    @Test
    void cancellingARecordsTimersLeavesOthers() {
        timers.schedule(NOW, "sla_breach", "feedback", 1, "complaint_handling", "new");
        timers.schedule(NOW, "sla_remind", "feedback", 1, "complaint_handling", "new");
        timers.schedule(NOW, "sla_breach", "feedback", 2, "complaint_handling", "new");

        assertThat(timers.cancel("feedback", 1, "complaint_handling")).isEqualTo(2);
        assertThat(timers.pending("feedback", 1)).isEmpty();
        assertThat(timers.pending("feedback", 2)).hasSize(1);
    }
}
