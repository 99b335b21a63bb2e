package io.kehu.plugins.visits;

import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import org.junit.jupiter.api.Test;

/** Overlaps and racing bookings on H2. */
@KehuPluginTest
class BookingH2Test {

    @Test
    void overlapIsRefused(KehuTestHost kehu) {
        BookingScenarios.overlapIsRefused(kehu);
    }

    @Test
    void racingBookingsStoreOne(KehuTestHost kehu) throws Exception {
        BookingScenarios.racingBookingsStoreOne(kehu);
    }

    @Test
    void workflowStepsAndHistory(KehuTestHost kehu) {
        BookingScenarios.workflowStepsAndHistory(kehu);
    }

    @Test
    void reschedulingRechecksOverlapUnderTheLock(KehuTestHost kehu) throws Exception {
        BookingScenarios.reschedulingRechecksOverlapUnderTheLock(kehu);
    }
}
