package io.kehu.platform.workflow;

import io.kehu.platform.support.KehuTest;

/** The workflow versions on embedded H2. */
@KehuTest
class H2WorkflowVersionsTest extends WorkflowVersionsContract {
}
