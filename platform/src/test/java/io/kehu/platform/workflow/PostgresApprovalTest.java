package io.kehu.platform.workflow;

import io.kehu.platform.support.KehuPostgresTest;

/** Approval by several people, on PostgreSQL, in the Kehu shared through {@link KehuPostgresTest}. */
@KehuPostgresTest
class PostgresApprovalTest extends ApprovalContract {
}
