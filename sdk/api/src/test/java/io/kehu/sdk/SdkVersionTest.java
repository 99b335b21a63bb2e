package io.kehu.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdkVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.1.0", "1.0.0", "12.34.56"})
    void acceptsPlainSemanticVersions(String version) {
        assertThat(SdkVersion.isWellFormed(version)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "1.0", "1.0.0.0", "01.0.0", "-1.0.0", "1.0.x", ""})
    void rejectsMalformedVersions(String version) {
        assertThat(SdkVersion.isWellFormed(version)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void currentVersionIsWellFormed() {
        assertThat(SdkVersion.isWellFormed(SdkVersion.CURRENT)).isTrue();
        assertThat(SdkVersion.isWellFormed(null)).isFalse();
    }
}
