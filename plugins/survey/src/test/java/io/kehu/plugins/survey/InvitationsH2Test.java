package io.kehu.plugins.survey;

import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import org.junit.jupiter.api.BeforeEach;

/** {@link InvitationsContract} on the testkit's H2 database. */
@KehuPluginTest
class InvitationsH2Test extends InvitationsContract {

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
