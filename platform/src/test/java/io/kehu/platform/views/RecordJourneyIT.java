package io.kehu.platform.views;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The record journeys of issue #4 in a real Chromium against the running application (H2, shipped forms). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/record-journey-${random.uuid}",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class RecordJourneyIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        // renders are slow on two cores shared with other builds: wait for them longer than the default 5 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void staffFindsACustomerEditsItAddsAnInteractionAndSeesTheHistory() {
        Actor staff = ScreensFixture.actor(accounts, "staff");
        String token = ScreensFixture.token();
        Record customer = ScreensFixture.customer(records, staff, "上海" + token + "贸易", "east_china");
        ScreensFixture.customer(records, staff, "北京" + token + "科技", "north_china");

        Page page = signedIn("staff");
        page.navigate(url("/forms/customer"));
        page.locator("#quick-search input").fill("上海" + token);
        assertThat(page.locator("vaadin-grid-cell-content").getByText("北京" + token + "科技")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("record-list-search")));
        page.locator("vaadin-grid-cell-content").getByText("上海" + token + "贸易").first().click();
        assertThat(page).hasURL(Pattern.compile(".*/forms/customer/" + customer.id() + "$"));

        page.locator("#field-email input").fill("buyer@example.com");
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Contacts")).click();
        page.locator("#subtable-contacts-add").click();
        page.locator("#subtable-contacts-0-name input").fill("王经理");
        page.locator("#subtable-contacts-0-phone input").fill("13812345678");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("record-inline-contacts")));
        page.locator("#record-save").click();
        assertThat(page.getByText("Saved", new Page.GetByTextOptions().setExact(true))).isVisible();
        org.assertj.core.api.Assertions.assertThat(records.subtableRows(staff, "customer", customer.id(), "contacts"))
                .as("the inline row is saved with the record").extracting(r -> r.get("name")).containsExactly("王经理");

        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Interaction")).click();
        page.locator("#related-new-interaction").click();
        assertThat(page).hasURL(Pattern.compile(".*/forms/interaction/new\\?customer=" + customer.id()));
        assertThat(page.locator("#field-customer input")).hasValue("上海" + token + "贸易");
        page.locator("#field-channel").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Phone")).click();
        page.locator("#field-occurred_at vaadin-date-picker input").fill("5/1/2026");
        page.locator("#field-occurred_at vaadin-date-picker input").press("Enter");
        page.locator("#field-occurred_at vaadin-time-picker input").fill("09:30");
        page.locator("#field-occurred_at vaadin-time-picker input").press("Enter");
        page.locator("#field-summary textarea").fill("Discussed the spring order");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("record-new-interaction")));
        page.locator("#record-save").click();
        assertThat(page).hasURL(Pattern.compile(".*/forms/interaction/\\d+$"));
        page.locator("#history-tab").click();
        assertThat(page.locator("#history").getByText("(empty) → Discussed the spring order")).isVisible();

        page.navigate(url("/forms/customer/" + customer.id()));
        page.locator("vaadin-tab", new Page.LocatorOptions().setHasText("Interaction")).click();
        assertThat(page.getByText("Discussed the spring order")).isVisible();
        page.locator("#history-tab").click();
        assertThat(page.locator("#history").getByText("(empty) → buyer@example.com")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("record-history")));
    }

    @Test
    void theSecondOfTwoConcurrentSavesGetsTheConflictDialog() {
        Actor staff = ScreensFixture.actor(accounts, "staff");
        Record customer = records.create(staff, "customer", Map.of("name", ScreensFixture.token() + " Conflict",
                "customer_type", "company", "phone", ScreensFixture.phone()));
        Page first = signedIn("staff");
        Page second = signedIn("manager");
        first.navigate(url("/forms/customer/" + customer.id()));
        second.navigate(url("/forms/customer/" + customer.id()));
        assertThat(second.locator("#field-name input")).isVisible();

        first.locator("#field-name input").fill("First Save Ltd");
        first.locator("#record-save").click();
        assertThat(first.getByText("Saved", new Page.GetByTextOptions().setExact(true))).isVisible();

        second.locator("#field-name input").fill("Second Save Ltd");
        second.locator("#record-save").click();
        assertThat(second.getByText("Someone else saved this record")).isVisible();
        assertThat(second.getByText(Pattern.compile("^李强 Li Qiang saved this record at"))).isVisible();
        second.locator("#conflict-compare-button").click();
        assertThat(second.locator("#conflict-compare").getByText("First Save Ltd")).isVisible();
        assertThat(second.locator("#conflict-compare").getByText("Second Save Ltd")).isVisible();
        second.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("record-conflict")));
    }

    @Test
    void aChineseSalesRepSeesTheCountAnEmptyStateAndOwnsTheCustomerTheyCreateOnLaptopAndPhone() {
        for (int[] size : List.of(new int[] {1366, 900}, new int[] {390, 844})) {
            String device = size[0] > 600 ? "desktop" : "phone";
            BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                    .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(size[0], size[1]));
            context.setDefaultTimeout(45_000);
            contexts.add(context);
            Page page = context.newPage();
            Chromium.signIn(page, url(""), "staff", TestAccounts.DEMO_PASSWORD);
            Chromium.awaitVisible(page, page.locator("#welcome"), 90_000);

            page.navigate(url("/forms/customer"));
            assertThat(page.locator("#list-count")).containsText(Pattern.compile("^共 [\\d,]+ 条"));
            assertThat(page.locator("#list-count")).containsText("仅显示您负责的客户");
            assertThat(page.locator("#bulk-actions")).isHidden();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("list-count-" + device)));

            page.locator("#quick-search input").fill(ScreensFixture.token() + "无此客户");
            assertThat(page.locator("#empty-list-message")).hasText("没有符合条件的客户");
            assertThat(page.locator("#list-count")).containsText("共 0 条");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("list-empty-" + device)));
            page.locator("#empty-list-clear").click();
            assertThat(page.locator("#empty-list")).isHidden();

            page.locator("#new-record").click();
            assertThat(page.locator("#field-account_manager input")).hasValue("李强 Li Qiang");
            String name = "苏州" + ScreensFixture.token() + "电子";
            page.locator("#field-name input").fill(name);
            page.locator("#field-phone input").fill(ScreensFixture.phone());
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("record-owner-default-" + device)));
            page.locator("#record-save").click();
            assertThat(page).hasURL(Pattern.compile(".*/forms/customer/\\d+$"));

            page.navigate(url("/forms/customer"));
            assertThat(page.locator("vaadin-grid-cell-content, .kehu-card").getByText(name)).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("list-newest-first-" + device)));
        }
    }

    private Page signedIn(String username) {
        Browser browser = chromium.browser();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(45_000); // first renders are slow on two cores shared with other builds
        contexts.add(context);
        Page page = context.newPage();
        Chromium.signIn(page, url(""), username, TestAccounts.DEMO_PASSWORD);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("record-signin-" + username)));
        // The first page a fresh server renders can take long on two busy cores (seen: > 30 s once).
        Chromium.awaitVisible(page, page.locator("#welcome"), 90_000);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
