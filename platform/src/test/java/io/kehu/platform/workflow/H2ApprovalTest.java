package io.kehu.platform.workflow;

import io.kehu.platform.support.KehuTest;

/** Approval by several people, on embedded H2. */
@KehuTest
class H2ApprovalTest extends ApprovalContract {
}
