package io.kehu.platform.webhooks.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class EnabledEndpointsTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final Supplier<List<Record>> read = () -> {
        reads.incrementAndGet();
        return List.of();
    };

    @AfterEach
    void noTransactionLeft() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void rowsAreReadOnceWhileFreshAndAgainAfterAChange() {
        EnabledEndpoints routing = new EnabledEndpoints(60);
        routing.rows(read);
        routing.rows(read);
        routing.rows(read);
        assertThat(reads).hasValue(1);

        routing.changed();
        routing.rows(read);
        routing.rows(read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void withoutSecondsEveryCallReads() {
        EnabledEndpoints routing = new EnabledEndpoints(0);
        routing.rows(read);
        routing.rows(read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aTransactionThatChangedEndpointsReadsFreshUntilItEndsAndLeavesNothingKeptBehind() {
        EnabledEndpoints routing = new EnabledEndpoints(60);
        TransactionSynchronizationManager.initSynchronization();
        routing.changed(); // e.g. an endpoint created, not yet committed
        routing.rows(read);
        routing.rows(read);
        assertThat(reads).as("its own uncommitted rows are never kept for others").hasValue(2);

        // The transaction rolls back: what it saw must not be served afterwards.
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(TransactionSynchronizationManager.hasResource(routing)).isFalse();

        routing.rows(read);
        routing.rows(read);
        assertThat(reads).as("read once more after the end, then kept").hasValue(3);
    }
}
