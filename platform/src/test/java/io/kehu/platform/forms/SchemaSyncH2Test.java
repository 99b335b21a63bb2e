package io.kehu.platform.forms;

import io.kehu.platform.support.KehuTest;

/** The schema sync contract on the default embedded H2 database, where DDL commits statement by statement. */
@KehuTest
class SchemaSyncH2Test extends SchemaSyncContract {

    @Override
    boolean transactionalDdl() {
        return false;
    }
}
