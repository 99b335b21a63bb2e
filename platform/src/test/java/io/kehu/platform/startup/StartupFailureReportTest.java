package io.kehu.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.KehuApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Starts the real application with a wrong database URL: the user gets a short report, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {

    @Test
    void unreachableDatabaseStopsStartUpWithAShortReport(CapturedOutput output) {
        // Command-line arguments, as a user would pass them: they outrank application.properties.
        assertThatThrownBy(() -> new SpringApplicationBuilder(KehuApplication.class)
                .run("--server.port=0", "--kehu.db.url=jdbc:postgresql://127.0.0.1:1/kehu"))
                .isInstanceOf(StartupCheckException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Cannot open the database jdbc:postgresql://127.0.0.1:1/kehu (setting KEHU_DB_URL)")
                .doesNotContain("\tat org.")
                .doesNotContain("HikariPool");
    }
}
