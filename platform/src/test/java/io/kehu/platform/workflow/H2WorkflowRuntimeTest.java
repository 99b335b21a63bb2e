package io.kehu.platform.workflow;

import io.kehu.platform.support.KehuTest;

/** The workflow runtime on embedded H2. */
@KehuTest
class H2WorkflowRuntimeTest extends WorkflowRuntimeContract {
}
