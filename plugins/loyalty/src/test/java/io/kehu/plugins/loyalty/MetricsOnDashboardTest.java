package io.kehu.plugins.loyalty;

import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginMetricsCheck;
import org.junit.jupiter.api.Test;

/**
 * The plugin's shipped metrics (src/main/resources/metrics) as a manager meets them: offered in the dashboard editor
 * under their zh and en names, and each drawn as a number card on a dashboard saved from the editor (Karibu, H2).
 */
@KehuPluginTest
class MetricsOnDashboardTest {

    @Test
    void itsMetricsAreOfferedInTheWidgetPickerAndDrawnOnADashboard(KehuTestHost kehu) {
        PluginMetricsCheck.offeredAndDrawn(kehu, "manager");
    }
}
