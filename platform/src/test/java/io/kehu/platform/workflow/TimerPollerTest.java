package io.kehu.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.support.TestAccounts;
import io.kehu.platform.workflow.timers.TimerQueue;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The poller really runs: with polling on (the other tests turn it off and fire timers themselves), a timer fires
 * within two seconds of falling due on an idle application.
 */
@SpringBootTest(properties = {
        "server.port=0",
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/${random.uuid}",
        "kehu.forms.seed=false",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD,
        "kehu.workflow.timers.poll=true",
        "kehu.workflow.timers.poll-interval=PT0.5S"})
class TimerPollerTest {

    @Autowired
    TimerQueue timers;

    @Test
    void aDueTimerFiresWithinTwoSeconds() throws InterruptedException {
        Instant due = Instant.now().plusMillis(500);
        // A workflow that is not in force: the effect finds nothing to do, and the timer leaves the queue.
        timers.schedule(due, "step", "no_such_form", 1, "no_such_workflow", "nothing");
        assertThat(timers.pending("no_such_form", 1)).hasSize(1);

        Instant deadline = due.plus(Duration.ofSeconds(2));
        while (!timers.pending("no_such_form", 1).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(timers.pending("no_such_form", 1)).as("fired by %s", deadline).isEmpty();
    }
}
