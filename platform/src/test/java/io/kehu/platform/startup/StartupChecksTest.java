package io.kehu.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.storage.DatabaseProperties;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupChecksTest {

    @Test
    void aBusyPortIsReportedWithTheSettingToChange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> StartupChecks.checkPort(port))
                    .isInstanceOf(StartupCheckException.class)
                    .hasMessage("Port " + port + " is already in use (setting KEHU_PORT / server.port).");
        }
    }

    @Test
    void aFreePortOrPortZeroPasses() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0)) {
            free = probe.getLocalPort();
        }
        assertThatNoException().isThrownBy(() -> StartupChecks.checkPort(free));
        assertThatNoException().isThrownBy(() -> StartupChecks.checkPort(0));
    }

    @Test
    void anUnreachableDatabaseIsOneLineNamingTheUrlSetting() {
        var db = new DatabaseProperties("jdbc:postgresql://127.0.0.1:1/kehu", "kehu", "", null);
        assertThatThrownBy(() -> StartupChecks.checkDatabase(db))
                .isInstanceOf(StartupCheckException.class)
                .hasMessageStartingWith("Cannot open the database jdbc:postgresql://127.0.0.1:1/kehu (setting KEHU_DB_URL): ")
                .hasMessageContaining("refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aMistypedUrlIsReportedToo() {
        var db = new DatabaseProperties("jdbc:postgersql://localhost/kehu", "", "", null);
        assertThatThrownBy(() -> StartupChecks.checkDatabase(db))
                .hasMessageContaining("(setting KEHU_DB_URL)")
                .hasMessageContaining("No suitable driver");
    }

    @Test
    void theEmbeddedDatabaseOpensInANewDataDirectory(@TempDir Path dir) {
        var db = new DatabaseProperties("", "", "", dir.resolve("data"));
        assertThatNoException().isThrownBy(() -> StartupChecks.checkDatabase(db));
        assertThat(dir.resolve("data/kehu.mv.db")).exists();
    }
}
