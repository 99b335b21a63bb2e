package io.kehu.plugins.survey;

import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import org.junit.jupiter.api.BeforeEach;

/** {@link TierReviewContract} on the testkit's H2 database. */
@KehuPluginTest
class TierReviewH2Test extends TierReviewContract {

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
