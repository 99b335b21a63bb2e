package io.kehu.platform.workflow.timers;

import io.kehu.platform.support.KehuTest;

/** Durable timers on embedded H2. */
@KehuTest
class H2TimerQueueTest extends TimerQueueContract {
}
