package io.kehu.platform.dashboards;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import io.kehu.platform.workspace.WorkspaceFixture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager in a real Chromium, in Chinese: opens a dashboard, narrows it with the global region filter, clicks the
 * first bar of the lifecycle chart on the canvas and lands on the customer list with the same count; then the same
 * chart in Lumo's dark theme; builds a personal dashboard in the editor and drills through its bar the same way.
 * Screenshots in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/dashboard-journey-${random.uuid}",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class DashboardJourneyIT {

    private static final String PASSWORD = "journey-Pw-2026";
    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;
    @Autowired
    Dashboards dashboards;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    @Test
    void aManagerFiltersTheDashboardByRegionAndABarOpensTheSameNumberOfCustomers() {
        WorkspaceFixture fixture = new WorkspaceFixture(records, accounts, catalog, publisher);
        String username = "mgr" + WorkspaceFixture.token().toLowerCase();
        accounts.create(username, "孙经理", PASSWORD, Set.of(Role.MANAGER));
        Actor rep = fixture.user("赵敏", Role.STAFF);
        String t = WorkspaceFixture.token();
        for (String region : List.of("east_china", "east_china", "east_china", "south_china")) {
            Record c = fixture.customer(rep, "嘉兴" + t + region + WorkspaceFixture.token());
            records.update(rep, "customer", c.id(), c.rowVersion(), Map.of("region", region));
        }

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(1366, 900))) {
            context.setDefaultTimeout(45_000);
            Page page = context.newPage();
            page.onConsoleMessage(m -> System.out.println("[browser " + m.type() + "] " + m.text()));
            String base = "http://localhost:" + port;
            Chromium.signIn(page, base, username, PASSWORD);
            page.navigate(base + "/dashboards/customer_base?period=this_month");
            assertThat(page.locator("#dashboard-title")).hasText("客户与购买");
            awaitChart(page, "widget-4-chart");

            page.locator("#dashboard-region").click();
            page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("华东")).click();
            assertThat(page).hasURL(Pattern.compile(".*/dashboards/customer_base\\?.*region=east_china.*"));
            assertThat(page.locator("#dashboard-region")).containsText("华东");
            awaitChart(page, "widget-4-chart");
            String firstBar = page.locator("#widget-4-point-0-0").textContent();
            long expected = Long.parseLong(firstBar.replaceAll(".*: ", "").replace(",", "").strip());
            org.assertj.core.api.Assertions.assertThat(expected).as(firstBar).isPositive();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.screenshot("dashboard-region-filter")));

            // a click on the first bar, on the canvas where Chart.js drew it
            page.locator("#widget-4-chart").scrollIntoViewIfNeeded();
            @SuppressWarnings("unchecked")
            List<Number> at = (List<Number>) page.evaluate("""
                    id => {
                      const chart = document.getElementById(id).__kehuChart;
                      const p = chart.getDatasetMeta(0).data[0].getCenterPoint();
                      const r = chart.canvas.getBoundingClientRect();
                      return [r.left + p.x, r.top + p.y];
                    }""", "widget-4-chart");
            page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
            assertThat(page).hasURL(Pattern.compile(".*/forms/customer\\?filters=.*"));
            assertThat(page.locator("#list-count")).hasText("共 " + expected + " 条");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.screenshot("dashboard-drill-through")));

            // back to the same figures; in Lumo's dark theme the chart redraws in its light-on-dark colours
            page.goBack();
            assertThat(page).hasURL(Pattern.compile(".*region=east_china.*"));
            awaitChart(page, "widget-4-chart");
            page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
            page.waitForFunction("""
                    () => {
                      const host = document.getElementById('widget-4-chart');
                      const text = getComputedStyle(host).getPropertyValue('--lumo-secondary-text-color').trim();
                      return window.Chart && text && Chart.defaults.color === text;
                    }""");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.screenshot("dashboard-dark")));
        }
    }

    @Test
    void aManagerBuildsADashboardInTheEditorAndItsBarOpensTheSameNumberOfCustomers() {
        WorkspaceFixture fixture = new WorkspaceFixture(records, accounts, catalog, publisher);
        String username = "mgr" + WorkspaceFixture.token().toLowerCase();
        UserAccount owner = accounts.create(username, "钱经理", PASSWORD, Set.of(Role.MANAGER));
        Actor rep = fixture.user("李雷", Role.STAFF);
        for (int i = 0; i < 3; i++) {
            fixture.customer(rep, "湖州" + WorkspaceFixture.token());
        }

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(1366, 900))) {
            context.setDefaultTimeout(45_000);
            Page page = context.newPage();
            page.onConsoleMessage(m -> System.out.println("[browser " + m.type() + "] " + m.text()));
            String base = "http://localhost:" + port;
            Chromium.signIn(page, base, username, PASSWORD);
            page.navigate(base + "/dashboards");
            page.locator("#dashboard-new").click();
            assertThat(page).hasURL(Pattern.compile(".*/dashboard-editor$"));

            // a personal dashboard (the share select left as it is), named, with one bar chart from a metric
            page.locator("#editor-name input").fill("我的客户阶段");
            page.locator("#editor-metric input").fill("客户生命周期");
            page.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("客户生命周期阶段"))
                    .click();
            page.locator("#editor-chart").click();
            page.locator("vaadin-select-item")
                    .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*柱状图\\s*$"))).click();
            assertThat(page.locator("#editor-chart")).containsText("柱状图");
            page.locator("#editor-add").click();
            assertThat(page.locator("#editor-widget-0")).hasText(Pattern.compile("^1\\. 客户生命周期阶段 · 柱状图 · .*"));
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.screenshot("dashboard-editor-built")));
            page.locator("#editor-save").click();

            // the new dashboard, drawn from what was stored
            assertThat(page).hasURL(Pattern.compile(".*/dashboards/[^/?]+.*"));
            assertThat(page.locator("#dashboard-title")).hasText("我的客户阶段");
            List<DashboardDefinition> mine = dashboards.visibleTo(Actor.of(owner)).stream()
                    .filter(d -> d.ownedBy(owner.id())).toList();
            org.assertj.core.api.Assertions.assertThat(mine).singleElement().satisfies(d -> {
                org.assertj.core.api.Assertions.assertThat(d.roles()).isEmpty();
                org.assertj.core.api.Assertions.assertThat(d.widgets()).extracting(DashboardDefinition.Widget::chart)
                        .containsExactly(DashboardDefinition.Chart.BAR);
                org.assertj.core.api.Assertions.assertThat(d.widgets().get(0).metrics())
                        .containsExactly("customers_by_lifecycle");
            });
            awaitChart(page, "widget-0-chart");
            String firstBar = page.locator("#widget-0-point-0-0").textContent();
            long expected = Long.parseLong(firstBar.replaceAll(".*: ", "").replace(",", "").strip());
            org.assertj.core.api.Assertions.assertThat(expected).as(firstBar).isPositive();
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.screenshot("dashboard-built-in-editor")));

            // a click on the first bar, on the canvas where Chart.js drew it
            page.locator("#widget-0-chart").scrollIntoViewIfNeeded();
            @SuppressWarnings("unchecked")
            List<Number> at = (List<Number>) page.evaluate("""
                    id => {
                      const chart = document.getElementById(id).__kehuChart;
                      const p = chart.getDatasetMeta(0).data[0].getCenterPoint();
                      const r = chart.canvas.getBoundingClientRect();
                      return [r.left + p.x, r.top + p.y];
                    }""", "widget-0-chart");
            page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
            assertThat(page).hasURL(Pattern.compile(".*/forms/customer\\?filters=.*"));
            assertThat(page.locator("#list-count")).hasText("共 " + expected + " 条");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.screenshot("dashboard-built-drill-through")));
        }
    }

    @Test
    void theOwnerDragsAWidgetsCornerToResizeItOnTheDashboardAndTheSizeIsKeptOnReload() {
        new WorkspaceFixture(records, accounts, catalog, publisher); // the shipped forms the metrics measure
        String username = "mgr" + WorkspaceFixture.token().toLowerCase();
        UserAccount owner = accounts.create(username, "周经理", PASSWORD, Set.of(Role.MANAGER));
        DashboardDefinition mine = dashboards.save(Actor.of(owner), new DashboardDefinition("new",
                io.kehu.platform.forms.LocalizedText.of("我的看板", "Mine"), Set.of(), Set.of(), List.of(
                new DashboardDefinition.Widget(List.of("purchase_revenue"), DashboardDefinition.Chart.LINE, null,
                        false, false),
                new DashboardDefinition.Widget(List.of("complaint_count"), DashboardDefinition.Chart.NUMBER, null,
                        false, false)), owner.id()), null);

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(1366, 900))) {
            context.setDefaultTimeout(45_000);
            Page page = context.newPage();
            String base = "http://localhost:" + port;
            Chromium.signIn(page, base, username, PASSWORD);
            page.navigate(base + "/dashboards/" + mine.id() + "?period=this_month");
            awaitChart(page, "widget-0-chart");
            assertThat(page.locator("#widget-0")).hasClass(Pattern.compile(".*kehu-span-1.*"));
            // the handle's centre, and where the third column of the grid ends, 160 px lower (tall)
            @SuppressWarnings("unchecked")
            List<Number> from = (List<Number>) page.evaluate("""
                    () => {
                      const h = document.getElementById('widget-0-resize').getBoundingClientRect();
                      const grid = document.getElementById('dashboard-widgets');
                      const style = getComputedStyle(grid);
                      const cols = style.gridTemplateColumns.split(' ').filter(c => c).length;
                      const gap = parseFloat(style.columnGap) || 0;
                      const g = grid.getBoundingClientRect();
                      const width = (g.width - gap * (cols - 1)) / cols;
                      return [h.left + h.width / 2, h.top + h.height / 2, g.left + 3 * width + 2 * gap - 10, cols];
                    }""");
            org.assertj.core.api.Assertions.assertThat(from.get(3).intValue()).isEqualTo(4);
            page.mouse().move(from.get(0).doubleValue(), from.get(1).doubleValue());
            page.mouse().down();
            page.mouse().move(from.get(2).doubleValue(), from.get(1).doubleValue() + 160,
                    new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
            page.mouse().up();
            // stored on release and drawn again; then kept when the page is loaded anew
            page.waitForCondition(() -> dashboards.visible(Actor.of(owner), mine.id()).orElseThrow().widgets().get(0)
                    .columns() == 3);
            page.reload();
            awaitChart(page, "widget-0-chart");
            assertThat(page.locator("#widget-0")).hasClass(Pattern.compile(".*kehu-span-3.*"));
            DashboardDefinition.Widget kept = dashboards.visible(Actor.of(owner), mine.id()).orElseThrow().widgets()
                    .get(0);
            org.assertj.core.api.Assertions.assertThat(kept.columns()).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(kept.height()).isEqualTo(3);
            org.assertj.core.api.Assertions.assertThat(page.locator("#widget-0-chart").boundingBox().height)
                    .isGreaterThan(400);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Chromium.screenshot("dashboard-resized-in-place")));
        }
    }

    /** Waits until Chart.js has drawn the chart with this id (the script loads once per page). */
    private static void awaitChart(Page page, String id) {
        page.waitForFunction("id => { const e = document.getElementById(id); return e && e.__kehuChart; }", id);
    }
}
