package io.kehu.plugins.loyalty;

import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import org.junit.jupiter.api.BeforeEach;

/** {@link LedgerContract} on the testkit's H2 database. */
@KehuPluginTest
class LedgerH2Test extends LedgerContract {

    private KehuTestHost kehu;

    @BeforeEach
    void host(KehuTestHost host) {
        this.kehu = host;
    }

    @Override
    KehuTestHost kehu() {
        return kehu;
    }
}
