package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An upload checked against the SHA-256 its publisher announced: a match installs, a mismatch is refused cleanly. */
@KehuTest
class PluginChecksumTest {

    private static final String ID = "checksum-probe";

    @Autowired
    PluginHost host;

    @AfterEach
    void removePlugin() {
        if (host.plugin(ID).isPresent()) {
            host.uninstall(PluginLifecycleTest.ADMIN, ID);
        }
    }

    @Test
    void aFileMatchingThePublishedChecksumIsInstalled() throws Exception {
        byte[] jar = PluginJar.plugin(ID).bytes();
        String published = "SHA256:" + sha256(jar).toUpperCase(java.util.Locale.ROOT);
        PluginInfo installed = host.install(PluginLifecycleTest.ADMIN, "probe.jar", new ByteArrayInputStream(jar),
                published);
        assertThat(installed.pluginId()).isEqualTo(ID);
    }

    @Test
    void aChangedFileIsRefusedAndNothingIsInstalled() throws Exception {
        byte[] jar = PluginJar.plugin(ID).bytes();
        String published = sha256(jar);
        byte[] tampered = PluginJar.plugin(ID).version("1.0.1").bytes();
        assertThatThrownBy(() -> host.install(PluginLifecycleTest.ADMIN, "probe.jar",
                new ByteArrayInputStream(tampered), published))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("probe.jar is refused: its SHA-256 is " + sha256(tampered))
                .hasMessageContaining("not the published " + published);
        assertThat(host.plugin(ID)).isEmpty();
    }

    @Test
    void aMalformedChecksumIsRefusedAndABlankOneIsNotChecked() throws Exception {
        byte[] jar = PluginJar.plugin(ID).bytes();
        assertThatThrownBy(() -> host.install(PluginLifecycleTest.ADMIN, "probe.jar", new ByteArrayInputStream(jar),
                "abc123")).isInstanceOf(PluginRefusedException.class).hasMessageContaining("not a SHA-256 checksum");
        assertThat(host.plugin(ID)).isEmpty();
        assertThat(host.install(PluginLifecycleTest.ADMIN, "probe.jar", new ByteArrayInputStream(jar), "  ")
                .pluginId()).isEqualTo(ID);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
