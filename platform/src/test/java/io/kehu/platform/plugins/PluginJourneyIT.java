package io.kehu.platform.plugins;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin's plugin journey in a real Chromium: upload a plugin jar, open its page from the new navigation link,
 * disable it (page and link disappear), enable it again, uninstall it. Also measures upload-to-working-view time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/plugin-journey-${random.uuid}",
        "kehu.forms.seed=false",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class PluginJourneyIT {

    @LocalServerPort
    int port;

    @Test
    void adminUploadsUsesDisablesEnablesAndUninstallsAPlugin() throws Exception {
        Path jar = PluginJar.Sources.greeter("journey", "io.kehu.plugins.journey")
                .writeTo(Files.createTempDirectory("journey"), "journey-1.0.0.jar");
        try (Chromium chromium = Chromium.launch();
             BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                     .setLocale("en-US").setViewportSize(1400, 900))) {
            // An upload installs and starts a plugin (and the chart plugin compiles a page): on two cores shared
            // with the rest of the build that took longer than 15 s once.
            context.setDefaultTimeout(45_000);
            com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
            Page page = context.newPage();
            page.navigate(url("/login"));
            page.locator("#vaadinLoginUsername input").fill("admin");
            page.locator("#vaadinLoginPassword input").fill(TestAccounts.ADMIN_PASSWORD);
            page.locator("#vaadinLoginPassword input").press("Enter");
            assertThat(page.locator("#welcome")).isVisible();

            page.navigate(url("/admin/plugins"));
            assertThat(page.locator("#plugins-grid")).isVisible();
            long uploaded = System.nanoTime();
            page.locator("#plugin-upload input[type=file]").setInputFiles(jar);
            Page.LocatorOptions link = new Page.LocatorOptions().setHasText("Greeter journey");
            assertThat(page.locator("vaadin-side-nav-item", link)).isVisible();
            page.locator("vaadin-side-nav-item", link).click();
            assertThat(page.locator("#test-plugin-greeting")).hasText("Hi / Hello");
            long millis = (System.nanoTime() - uploaded) / 1_000_000;
            System.out.println("BENCHMARK upload-to-working-view ms=" + millis);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("plugin-view")));

            page.navigate(url("/admin/plugins"));
            page.locator("#disable-journey").click();
            assertThat(page.locator("vaadin-side-nav-item", link)).hasCount(0);
            assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Disabled")))
                    .isVisible();

            page.navigate(url("/admin/plugins"));
            page.locator("#enable-journey").click();
            assertThat(page.locator("vaadin-side-nav-item", link)).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("plugins-admin")));

            page.locator("#uninstall-journey").click();
            page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button], #confirm-uninstall [slot=confirm-button]")
                    .first().click();
            assertThat(page.locator("vaadin-side-nav-item", link)).hasCount(0);
            assertThat(page.locator("#uninstall-journey")).hasCount(0);
            assertThat(page).hasURL(Pattern.compile(".*/admin/plugins$"));

            // The SDK's chart: Chart.js comes from the platform's web jar and draws on the plugin's canvas.
            Path charts = PluginJar.plugin("journey-chart").description("Chart journey")
                    .source("io.kehu.plugins.journeychart.ChartPage", """
                            package io.kehu.plugins.journeychart;
                            import com.vaadin.flow.component.Component;
                            import io.kehu.sdk.*;
                            import io.kehu.sdk.ui.*;
                            @org.pf4j.Extension
                            public class ChartPage implements ViewContribution {
                                public String path() { return "chart"; }
                                public LocalText title() { return LocalText.of("图表", "Chart"); }
                                public Component create(PluginContext c) {
                                    Component chart = c.components().chart(ChartSpec.bar("Tiers",
                                            java.util.List.of("KEY", "NORMAL"), "Customers", java.util.List.of(3, 5),
                                            java.util.List.of("#c0392b", "#2980b9")));
                                    chart.setId("journey-chart");
                                    return chart;
                                }
                            }
                            """)
                    .writeTo(Files.createTempDirectory("journey-chart"), "journey-chart-1.0.0.jar");
            page.navigate(url("/admin/plugins"));
            page.locator("#plugin-upload input[type=file]").setInputFiles(charts);
            assertThat(page.locator("#uninstall-journey-chart")).isVisible();
            org.assertj.core.api.Assertions.assertThat(page.request().get(url("/" + io.kehu.platform.charts.ChartView.SCRIPT)).status())
                    .as("Chart.js from the web jar").isEqualTo(200);
            java.util.List<String> console = new java.util.ArrayList<>();
            page.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
            page.navigate(url("/apps/journey-chart/chart"));
            assertThat(page.locator("#journey-chart canvas")).isAttached();
            System.out.println("journey-chart console: " + console);
            page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('#journey-chart canvas'))");
            Object bars = page.evaluate("() => Chart.getChart(document.querySelector('#journey-chart canvas'))"
                    + ".data.datasets[0].data.join(',')");
            org.assertj.core.api.Assertions.assertThat(bars).isEqualTo("3,5");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("plugin-chart")));
            page.navigate(url("/admin/plugins"));
            page.locator("#uninstall-journey-chart").click();
            page.locator("vaadin-confirm-dialog-overlay vaadin-button[slot=confirm-button], #confirm-uninstall [slot=confirm-button]")
                    .first().click();
            assertThat(page.locator("#uninstall-journey-chart")).hasCount(0);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
