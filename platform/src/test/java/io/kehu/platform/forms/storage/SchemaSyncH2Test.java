package io.kehu.platform.forms.storage;

import io.kehu.platform.support.KehuTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The schema sync contract on the default embedded H2 database, where DDL commits statement by statement. Runs in a
 * context of its own: the contract starts from a database without forms, which the shared context no longer is once
 * other tests (plugins, screens) have published theirs.
 */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=schema-sync")
public class SchemaSyncH2Test extends SchemaSyncContract {

    @Override
    boolean transactionalDdl() {
        return false;
    }
}
