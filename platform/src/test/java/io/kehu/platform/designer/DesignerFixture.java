package io.kehu.platform.designer;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.nio.file.Path;
import java.util.Set;

/** The shipped forms published once per test database, a second administrator, and Karibu sign-in. */
final class DesignerFixture {

    static final String SECOND_ADMIN = "admin2";

    private DesignerFixture() {
    }

    static void publishForms(FormCatalog catalog, FormPublisher publisher, UserAccounts accounts) {
        if (catalog.published("customer").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "designer tests");
        }
        if (accounts.findByUsername(SECOND_ADMIN).isEmpty()) {
            accounts.create(SECOND_ADMIN, "Second admin", "second-Admin-pw-1", Set.of(Role.ADMIN));
        }
    }
}
