package io.kehu.platform.workflow;

import io.kehu.platform.support.KehuTest;

/** Handing tasks on, on embedded H2. */
@KehuTest
class H2TaskHandOffTest extends TaskHandOffContract {
}
