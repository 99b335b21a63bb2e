package io.kehu.platform.views;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The complaint journey of issue #17 in a real zh-CN Chromium: staff log a complaint, take it and resolve it with a
 * comment; the revisit task lands with someone else (the manager: bell and 我的待办), the handler has no revisit
 * button; the manager opens the task and closes the complaint; the workflow history shows every step with its
 * comment. Screenshots in target/screenshots/workflow-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/workflow-journey-${random.uuid}",
        "kehu.demo.customers=0",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class WorkflowJourneyIT {

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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private Page signedIn(String username) {
        return signedIn(username, 1366, 900);
    }

    private Page signedIn(String username, int width, int height) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setViewportSize(width, height));
        context.setDefaultTimeout(45_000);
        contexts.add(context);
        Page page = context.newPage();
        Chromium.signIn(page, url(""), username, TestAccounts.DEMO_PASSWORD);
        return page;
    }

    private static Locator transitionButtons(Page page) {
        return page.locator("#workflow-bar vaadin-button");
    }

    @Test
    void aComplaintIsHandledRevisitedBySomeoneElseAndClosed() {
        Actor staff = ScreensFixture.actor(accounts, "staff");
        String token = ScreensFixture.token();
        Record customer = ScreensFixture.customer(records, staff, "杭州" + token + "食品", "east_china");

        // staff log the complaint on the form, from the customer's "new feedback" link (customer and type prefilled)
        Page handler = signedIn("staff");
        String received = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(1).withSecond(0).withNano(0)
                .toString();
        handler.navigate(url("/forms/feedback/new?customer=" + customer.id() + "&feedback_type=complaint"
                + "&received_at=" + received));
        handler.locator("#field-description textarea").fill("冰柜噪音大" + token);
        handler.locator("#record-save").click();
        assertThat(handler).hasURL(Pattern.compile(".*/forms/feedback/\\d+$"));
        String record = handler.url().substring(handler.url().indexOf("/forms/feedback/"));
        assertThat(handler.locator("#workflow-state")).hasText("新建");
        assertThat(handler.locator("#workflow-sla")).containsText("处理时限");
        assertThat(transitionButtons(handler)).hasText(new String[] {"受理"});
        handler.locator("#transition-take").click();
        assertThat(handler.locator("#workflow-state")).hasText("处理中");

        handler.locator("#transition-resolve").click();
        handler.locator("#transition-confirm").click();
        assertThat(handler.locator("#transition-error")).hasText("执行“处理完成”需要填写说明");
        handler.locator("#transition-comment textarea").fill("已上门更换压缩机");
        handler.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("workflow-resolve-dialog")));
        handler.locator("#transition-confirm").click();
        assertThat(handler.locator("#workflow-state")).hasText("已解决，待回访");
        assertThat(transitionButtons(handler)).hasCount(0); // the handler may not do the revisit
        handler.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("workflow-handler-resolved")));

        Page other = signedIn("manager");
        assertThat(other.locator("#notification-count")).hasText("1");
        other.navigate(url("/tasks"));
        assertThat(other.locator("#tasks-count")).hasText("共 1 条");
        Locator row = other.locator("vaadin-grid-cell-content").getByText(Pattern.compile("冰柜噪音大" + token));
        assertThat(row).isVisible();
        other.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("workflow-inbox")));
        Page phone = signedIn("manager", 390, 844);
        phone.navigate(url("/tasks"));
        assertThat(phone.locator("#task-cards .kehu-card")).hasCount(1);
        assertThat(phone.locator("#task-cards")).containsText("回访客户，确认投诉已解决");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("workflow-inbox-phone")));
        row.click();
        assertThat(other).hasURL(Pattern.compile(".*" + record + "$"));
        assertThat(transitionButtons(other)).hasText(new String[] {"回访满意，关闭", "回访不满意，重新处理"});
        other.locator("#transition-revisit_ok").click();
        other.locator("#transition-comment textarea").fill("客户确认冰柜已正常运行");
        other.locator("#transition-confirm").click();
        assertThat(other.locator("#workflow-state")).hasText("已回访，关闭");
        assertThat(transitionButtons(other)).hasCount(0);

        other.locator("vaadin-tab#workflow-tab").click();
        Locator steps = other.locator("#workflow-timeline .kehu-workflow-step");
        assertThat(steps).hasCount(3);
        assertThat(steps.nth(0)).containsText("回访满意，关闭 · 已解决，待回访 → 已回访，关闭");
        assertThat(steps.nth(0)).containsText("王芳 Wang Fang");
        assertThat(steps.nth(0)).containsText("客户确认冰柜已正常运行");
        assertThat(steps.nth(1)).containsText("处理完成 · 处理中 → 已解决，待回访");
        assertThat(steps.nth(1)).containsText("李强 Li Qiang");
        assertThat(steps.nth(1)).containsText("已上门更换压缩机");
        assertThat(steps.nth(2)).containsText("受理 · 新建 → 处理中");
        other.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Chromium.screenshot("workflow-closed-history")));

        other.navigate(url("/tasks"));
        assertThat(other.locator("#tasks-empty")).hasText("没有待办事项，做得好！");
    }
}
