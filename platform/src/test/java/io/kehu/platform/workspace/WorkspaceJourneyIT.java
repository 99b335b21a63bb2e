package io.kehu.platform.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.time.LocalDate;
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
 * A sales rep's day in a real Chromium, in Chinese, on a 1366×900 laptop and a 390×844 phone: the workspace home
 * (counts, follow-ups, complaints, recent activity, boxes side by side or stacked) and a customer's timeline with its
 * chart. Screenshots in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/workspace-journey-${random.uuid}",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class WorkspaceJourneyIT {

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
    void aSalesRepStartsTheDayOnTheWorkspaceAndReadsACustomersTimelineOnLaptopAndPhone() {
        WorkspaceFixture fixture = new WorkspaceFixture(records, accounts, catalog, publisher);
        String username = "rep" + WorkspaceFixture.token().toLowerCase();
        accounts.create(username, "林晓", PASSWORD, Set.of(Role.STAFF));
        Actor rep = Actor.of(accounts.findByUsername(username).orElseThrow());
        String t = WorkspaceFixture.token();
        Record customer = fixture.customer(rep, "杭州" + t + "茶业");
        Record late = fixture.customer(rep, "温州" + t + "鞋业");
        // "today" is the browser's (Asia/Shanghai below), not the server's: on a UTC server it differs for 8 hours a day
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        fixture.interaction(rep, customer.id(), WorkspaceFixture.daysAgo(40), "首次电话", null);
        fixture.purchase(rep, customer.id(), today.minusDays(25), "龙井礼盒", "3680.00");
        fixture.complaint(rep, customer.id(), WorkspaceFixture.daysAgo(6), "礼盒破损", "in_progress");
        fixture.interaction(rep, customer.id(), WorkspaceFixture.daysAgo(2), "确认补发", today);
        fixture.interaction(rep, late.id(), WorkspaceFixture.daysAgo(9), "寄样品", today.minusDays(4));
        Record current = records.get(rep, "customer", customer.id()).orElseThrow();
        records.update(rep, "customer", customer.id(), current.rowVersion(), Map.of("region", "east_china"));

        for (int[] size : List.of(new int[] {1366, 900}, new int[] {390, 844})) {
            String device = size[0] > 600 ? "desktop" : "phone";
            try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(size[0], size[1]))) {
                context.setDefaultTimeout(45_000);
                Page page = context.newPage();
                page.onConsoleMessage(m -> System.out.println("[browser " + m.type() + "] " + m.text()));
                page.onResponse(r -> {
                    if (r.url().contains("webjars")) {
                        System.out.println("[webjar] " + r.status() + " " + r.url());
                    }
                });
                Chromium.signIn(page, "http://localhost:" + port, username, PASSWORD);
                Chromium.awaitVisible(page, page.locator("#welcome"), 90_000);

                assertThat(page.locator("#box-customers-count")).hasText("2");
                assertThat(page.locator("#box-today-count")).hasText("1");
                assertThat(page.locator("#box-today")).containsText("杭州" + t + "茶业");
                assertThat(page.locator("#box-overdue-count")).hasText("1");
                assertThat(page.locator("#box-overdue")).containsText("已逾期 4 天");
                assertThat(page.locator("#box-complaints-count")).hasText("1");
                assertThat(page.locator("#box-complaints")).containsText("礼盒破损");
                assertThat(page.locator("#box-recent")).containsText("杭州" + t + "茶业");
                assertThat(page.locator("#shortcut-new-customer")).hasText("新建客户");
                String boxesText = page.locator(".kehu-workspace-box").allInnerTexts().toString();
                org.assertj.core.api.Assertions.assertThat(boxesText).as("no English in the Chinese workspace")
                        .doesNotContainPattern("[A-Za-z]{3,}");
                assertLayout(page, device);
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Chromium.screenshot("workspace-home-" + device)));

                page.locator("#box-today a.kehu-workspace-row").first().click();
                assertThat(page).hasURL(Pattern.compile(".*/forms/customer/" + customer.id() + "$"));
                page.locator("vaadin-tab#timeline-tab").click();
                Locator entries = page.locator("#timeline-entries .timeline-entry");
                assertThat(entries).hasCount(6);
                assertThat(entries.nth(0)).containsText("修改了客户资料");
                assertThat(entries.nth(0)).containsText("区域：设为 华东");
                assertThat(entries.nth(0)).containsText("林晓");
                assertThat(entries.nth(1)).containsText("新建客户");
                assertThat(entries.nth(2)).containsText("确认补发");
                assertThat(entries.nth(3)).containsText("礼盒破损");
                assertThat(entries.nth(4)).containsText("龙井礼盒");
                assertThat(entries.nth(5)).containsText("首次电话");
                org.assertj.core.api.Assertions.assertThat(page.locator("#timeline").innerText())
                        .doesNotContain("∅").doesNotContain(username);
                // Chart.js came from the webjar and drew into a canvas
                int script = page.request().get("http://localhost:" + port + "/webjars/chart.js/4.5.1/dist/chart.umd.min.js")
                        .status();
                org.assertj.core.api.Assertions.assertThat(script).as("the Chart.js webjar is served").isEqualTo(200);
                assertThat(page.locator("#timeline-chart canvas")).hasCount(1);
                page.locator("#timeline-chart").scrollIntoViewIfNeeded();
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Chromium.screenshot("customer-timeline-" + device)));

                page.locator("#timeline-filter vaadin-checkbox").filter(new Locator.FilterOptions()
                        .setHasText("资料修改")).click();
                assertThat(entries).hasCount(4);
                assertThat(entries.nth(0)).containsText("确认补发");

                // the rep's customer list says how many and that it holds only theirs, the later one first
                page.navigate("http://localhost:" + port + "/forms/customer");
                assertThat(page.locator("#list-count")).hasText("共 2 条 · 仅显示您负责的客户");
                assertThat(page.locator("vaadin-grid-cell-content, .kehu-card").getByText("温州" + t + "鞋业")).isVisible();
                page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("workspace-customers-"
                        + device)));
            }
        }
    }

    /** Side by side on the laptop, stacked full width on the phone, never wider than the screen. */
    private static void assertLayout(Page page, String device) {
        BoundingBox shortcuts = page.locator("#box-shortcuts").boundingBox();
        BoundingBox customers = page.locator("#box-customers").boundingBox();
        BoundingBox today = page.locator("#box-today").boundingBox();
        var softly = new org.assertj.core.api.SoftAssertions();
        if (device.equals("desktop")) {
            softly.assertThat(customers.y).as("boxes share a row").isEqualTo(shortcuts.y);
            softly.assertThat(today.y).as("three boxes in the first row").isEqualTo(shortcuts.y);
        } else {
            softly.assertThat(customers.y).as("stacked").isGreaterThan(shortcuts.y + shortcuts.height - 1);
            softly.assertThat(customers.x).isEqualTo(shortcuts.x);
            softly.assertThat(today.x + today.width).as("fits the phone").isLessThanOrEqualTo(390);
            BoundingBox button = page.locator("#shortcut-new-customer").boundingBox();
            softly.assertThat(button.height).as("tap target").isGreaterThanOrEqualTo(44);
        }
        softly.assertAll();
    }
}
