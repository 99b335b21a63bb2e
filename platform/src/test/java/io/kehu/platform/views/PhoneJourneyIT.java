package io.kehu.platform.views;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.LoadState;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Field staff on a 390×844 phone in Chinese (issue #16 item 9): the customer list as cards with a two-row toolbar,
 * cards ticked for a bulk action, tap-to-call, the record's save bar in reach without scrolling, its interactions one tap away, a new record's draft
 * surviving a reload; and the same list still a grid on a 1366×900 laptop. Screenshots in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/phone-journey-${random.uuid}",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class PhoneJourneyIT {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;

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
    void fieldStaffWorkACustomerOnAPhone() {
        Actor staff = ScreensFixture.actor(accounts, "staff");
        String token = ScreensFixture.token();
        String phone = ScreensFixture.phone();
        Record customer = records.create(staff, "customer", Map.of("name", "成都" + token + "火锅",
                "customer_type", "company", "phone", phone, "email", "boss@chengdu-hotpot.cn",
                "region", "southwest"));
        records.create(staff, "interaction", Map.of("customer", customer.id(), "channel", "phone",
                "occurred_at", OffsetDateTime.now().minusDays(1), "summary", "约好下周到店" + token));

        try (BrowserContext context = context(PHONE_WIDTH, PHONE_HEIGHT)) {
            Page page = signedIn(context);
            SoftAssertions softly = new SoftAssertions();

            // the list: cards, no grid, a toolbar of at most a fifth of the screen
            page.navigate(url("/forms/customer"));
            assertThat(page.locator(".kehu-card").first()).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("phone-list-demo")));
            page.locator(".kehu-card-open").first().click(); // a demo customer, for the README's picture
            assertThat(page.locator("#record-save")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("phone-record-demo")));
            page.goBack();
            page.locator("#quick-search input").fill("成都" + token);
            Locator card = page.locator("#record-card-" + customer.id());
            assertThat(card).isVisible();
            assertThat(card).containsText("成都" + token + "火锅");
            assertThat(card).containsText("客户类型"); // a key field with its label
            assertThat(page.locator("#record-grid")).hasCount(0);
            Locator call = card.locator("a[href='tel:" + phone + "']");
            assertThat(call).isVisible();
            assertThat(card.locator("a[href='mailto:boss@chengdu-hotpot.cn']")).isVisible();
            BoundingBox toolbar = box(page.locator("#compact-toolbar"));
            softly.assertThat(toolbar.height).as("toolbar height").isLessThanOrEqualTo(0.2 * PHONE_HEIGHT);
            softly.assertThat(box(call).height).as("call link height").isGreaterThanOrEqualTo(44);
            softly.assertThat(box(page.locator("#compact-filter")).height).as("筛选 height")
                    .isGreaterThanOrEqualTo(44);
            softly.assertThat(box(card).x + box(card).width).as("card fits the phone")
                    .isLessThanOrEqualTo(PHONE_WIDTH);
            softly.assertThat((Boolean) page.evaluate(
                    "() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("phone-list-cards")));

            page.locator("#compact-filter").click();
            assertThat(page.locator("#filter-add")).isVisible();
            page.locator("#compact-filter").click();
            page.locator("#compact-more").click();
            assertThat(page.locator("#compact-more-sheet #export-xlsx")).isVisible();
            assertThat(page.locator("#compact-more-sheet")).containsText("导出 Excel");
            page.waitForTimeout(500); // the sheet fades in
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("phone-list-more")));
            page.keyboard().press("Escape");
            assertThat(page.locator("#compact-more-sheet")).isHidden();

            // bulk actions on the phone: "选择" ticks cards, the bar at the bottom offers what STAFF may do
            page.locator("#compact-choose").click();
            assertThat(page.locator("#phone-bulk-hint")).hasText("轻点卡片，选择要批量处理的记录");
            card.locator(".kehu-card-open").click(); // ticks, does not open
            assertThat(page).hasURL(Pattern.compile(".*/forms/customer$"));
            assertThat(card.locator("vaadin-checkbox")).hasAttribute("checked", "");
            assertThat(page.locator("#bulk-selected")).hasText("已选 1 条");
            assertThat(page.locator("#bulk-delete")).isVisible();
            assertThat(page.locator("#bulk-assignee")).hasCount(0); // STAFF keep their customers
            BoundingBox bar = box(page.locator("#phone-bulk-bar"));
            softly.assertThat(bar.y + bar.height).as("the bulk bar is on screen").isLessThanOrEqualTo(PHONE_HEIGHT);
            softly.assertThat(bar.x + bar.width).as("the bulk bar fits the phone").isLessThanOrEqualTo(PHONE_WIDTH);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("phone-list-bulk")));
            page.locator("#phone-bulk-done").click();
            assertThat(page.locator("#phone-bulk-bar")).isHidden();
            assertThat(card.locator("vaadin-checkbox")).hasCount(0);

            // the record: tap-to-call, save in reach on a long form, interactions one tap away
            card.locator(".kehu-card-open").click();
            assertThat(page).hasURL(Pattern.compile(".*/forms/customer/" + customer.id() + "$"));
            assertThat(page.locator("#contact-link-phone")).hasAttribute("href", "tel:" + phone);
            BoundingBox tabs = box(page.locator("vaadin-tabsheet").first());
            softly.assertThat(tabs.y + tabs.height).as("the form goes on below the screen (save would be there)")
                    .isGreaterThan(PHONE_HEIGHT);
            Locator save = page.locator("#record-save");
            assertThat(save).isVisible();
            BoundingBox saveBox = box(save);
            softly.assertThat(saveBox.y + saveBox.height).as("save is on screen without scrolling")
                    .isLessThanOrEqualTo(PHONE_HEIGHT);
            softly.assertThat(saveBox.height).as("save height").isGreaterThanOrEqualTo(44);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("phone-record-sticky-save")));
            BoundingBox chip = box(page.locator("#jump-related-interaction"));
            softly.assertThat(chip.x + chip.width).as("the interactions chip is on screen without swiping")
                    .isLessThanOrEqualTo(PHONE_WIDTH);
            page.locator("#jump-related-interaction").click();
            Locator related = page.locator("#related-cards-interaction");
            assertThat(related).isVisible();
            assertThat(page.locator("#related-grid-interaction")).hasCount(0);
            assertThat(related.getByText("约好下周到店" + token)).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("phone-record-related")));

            // a new record's draft survives a reload, and can be thrown away
            page.navigate(url("/forms/customer/new"));
            page.locator("#field-name input").fill("草稿" + token);
            page.locator("#field-name input").press("Tab");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.reload();
            assertThat(page.locator("#field-name input")).hasValue("草稿" + token);
            assertThat(page.getByText("已恢复上次未保存的草稿")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("phone-draft-restored")));
            page.locator("#draft-discard").click();
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(page.locator("#field-name input")).hasValue("");
            softly.assertAll();
        }
    }

    @Test
    void theLaptopKeepsTheGridWithCallableNumbers() {
        Actor staff = ScreensFixture.actor(accounts, "staff");
        String token = ScreensFixture.token();
        Record customer = ScreensFixture.customer(records, staff, "重庆" + token + "茶楼", "southwest");
        String phone = (String) customer.get("phone");
        try (BrowserContext context = context(1366, 900)) {
            Page page = signedIn(context);
            page.navigate(url("/forms/customer"));
            page.locator("#quick-search input").fill("重庆" + token);
            assertThat(page.locator("vaadin-grid-cell-content").getByText("重庆" + token + "茶楼")).isVisible();
            assertThat(page.locator("#record-cards")).hasCount(0);
            assertThat(page.locator("#compact-toolbar")).hasCount(0);
            Locator call = page.locator("vaadin-grid-cell-content a[href='tel:" + phone + "']");
            assertThat(call).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("laptop-list-grid")));
            // the browser would dial; here only the page's own reaction counts: the row's record must not open
            call.evaluate("a => a.addEventListener('click', e => e.preventDefault())");
            call.click();
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(page).hasURL(Pattern.compile(".*/forms/customer$"));
        }
    }

    /**
     * A wrong turn is a page of the app in Chinese, on the laptop and on the phone: an admin address gives STAFF
     * "无权访问" with HTTP 403, an unknown address "页面不存在" with HTTP 404, each with the menu and a way home.
     */
    @Test
    void aWrongTurnIsAnInAppPageWithAWayBack() {
        for (int[] size : new int[][] {{1366, 900}, {PHONE_WIDTH, PHONE_HEIGHT}}) {
            try (BrowserContext context = context(size[0], size[1])) {
                Page page = signedIn(context);
                String device = size[0] < ScreenWidth.PHONE_MAX ? "phone" : "laptop";

                com.microsoft.playwright.Response forbidden = page.navigate(url("/admin/forms"));
                org.assertj.core.api.Assertions.assertThat(forbidden.status()).as("admin address for STAFF")
                        .isEqualTo(403);
                assertThat(page.locator("h2").getByText("无权访问")).isVisible();
                assertThat(page.getByText("您的角色无法打开此页面")).isVisible();
                assertThat(page.locator("vaadin-app-layout")).hasCount(1); // the menu is there
                page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("no-access-" + device)));

                com.microsoft.playwright.Response missing = page.navigate(url("/no-such-page"));
                org.assertj.core.api.Assertions.assertThat(missing.status()).as("unknown address").isEqualTo(404);
                assertThat(page.locator("h2").getByText("页面不存在")).isVisible();
                assertThat(page.locator("vaadin-app-layout")).hasCount(1);
                page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("not-found-" + device)));
                page.locator("#error-home").click();
                assertThat(page.locator("#welcome")).isVisible();
            }
        }
    }

    private BrowserContext context(int width, int height) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(width, height)
                .setHasTouch(width < ScreenWidth.PHONE_MAX));
        context.setDefaultTimeout(45_000);
        return context;
    }

    private Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        Chromium.signIn(page, url(""), "staff", TestAccounts.DEMO_PASSWORD);
        Chromium.awaitVisible(page, page.locator("#welcome"), 90_000);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * The element's box once it is visible: {@code boundingBox()} answers null for an element not laid out yet, which
     * on a slow machine (CI under load) happened between a navigation and the layout.
     */
    private static BoundingBox box(Locator element) {
        assertThat(element).isVisible();
        BoundingBox box = element.boundingBox();
        for (int i = 0; box == null && i < 50; i++) {
            element.page().waitForTimeout(100);
            box = element.boundingBox();
        }
        if (box == null) {
            throw new AssertionError("no layout box for " + element + " within 5 s of it being visible");
        }
        return box;
    }
}
