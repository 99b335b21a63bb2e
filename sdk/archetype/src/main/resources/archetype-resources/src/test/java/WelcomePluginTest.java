package ${package};

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs against a whole Kehu started in-process (H2, the shipped forms), with this plugin packed from target/classes,
 * installed and started by the real plugin host.
 */
@KehuPluginTest
class WelcomePluginTest {

    @Test
    void pluginStartsAndItsPageOpens(KehuTestHost kehu) {
        assertThat(kehu.pluginInfo().status().name()).isEqualTo("STARTED");
        kehu.recordsAs("staff").create("customer",
                Map.of("name", "上海明德贸易", "customer_type", "company", "phone", "021-5555-0101"));
        try (KehuUi ui = kehu.ui("staff")) {
            ui.navigate("apps/${pluginId}/" + WelcomeView.PATH);
            assertThat(_get(H2.class, spec -> spec.withId("welcome-title")).getText()).contains("${pluginId}");
            assertThat(_get(Paragraph.class, spec -> spec.withId("welcome-customers")).getText()).isNotBlank();
        }
    }

    @Test
    void customerNamesOfOnlyDigitsAreRefused(KehuTestHost kehu) {
        RecordData kept = kehu.recordsAs("staff").create("customer",
                Map.of("name", "Hangzhou Tea House", "customer_type", "company", "email", "tea@example.com"));
        assertThat(kept.id()).isPositive();
        assertThatThrownBy(() -> kehu.recordsAs("staff").create("customer",
                Map.of("name", "13800138000", "customer_type", "person", "phone", "13800138000")))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED));
    }
}
