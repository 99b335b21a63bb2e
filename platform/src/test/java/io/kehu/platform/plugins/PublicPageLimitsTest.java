package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-address limit of plugins' public pages. */
class PublicPageLimitsTest {

    @Test
    void allowsTheLimitPerMinuteAndAddressThenRefusesUntilTheNextMinute() {
        PublicPageLimits limits = new PublicPageLimits(3);
        long minute = 1_000 * 60_000L;
        for (int i = 0; i < 3; i++) {
            assertThat(limits.allow("10.0.0.1", minute + i)).isTrue();
        }
        assertThat(limits.allow("10.0.0.1", minute + 59_999)).isFalse();
        assertThat(limits.allow("10.0.0.2", minute + 59_999)).isTrue();
        assertThat(limits.allow("10.0.0.1", minute + 60_000)).isTrue();
        assertThat(limits.allow(null, minute)).isTrue();
    }
}
