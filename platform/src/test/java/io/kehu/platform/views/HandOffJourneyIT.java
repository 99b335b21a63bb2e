package io.kehu.platform.views;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 转交 on a phone in a real zh-CN Chromium at 390×844: the revisit's assignee opens 我的待办 (cards), hands the task to
 * a colleague with a reason in the dialog — which fits the screen, with big targets — and the task leaves their cards
 * for the colleague's. Screenshots in target/screenshots/handoff-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/handoff-journey-${random.uuid}",
        "kehu.demo.customers=0",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class HandOffJourneyIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Workflows workflows;

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
    void theAssigneeHandsTheRevisitToAColleagueOnAPhone() {
        Actor staff = ScreensFixture.actor(accounts, "staff");
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        String token = ScreensFixture.token();
        Record complaint = WorkflowScreensFixture.complaint(records, staff, "冷柜漏水" + token);
        Record taken = workflows.transition(staff, "feedback", complaint.id(), "take", null, complaint.rowVersion());
        workflows.transition(staff, "feedback", complaint.id(), "resolve", "已更换密封条", taken.rowVersion());
        WorkflowTask revisit = workflows.tasksOf(admin, "feedback", complaint.id()).stream()
                .filter(t -> t.kind().equals("revisit")).findFirst().orElseThrow();
        String assignee = accounts.findById(revisit.assigneeId()).orElseThrow().username();
        accounts.create("feng" + token, "冯晓 Feng", TestAccounts.DEMO_PASSWORD, Set.of(Role.MANAGER));
        long colleague = accounts.findByUsername("feng" + token).orElseThrow().id();

        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setViewportSize(390, 844));
        context.setDefaultTimeout(45_000);
        try {
            Page phone = context.newPage();
            Chromium.signIn(phone, "http://localhost:" + port, assignee, TestAccounts.DEMO_PASSWORD);
            phone.navigate("http://localhost:" + port + "/tasks");
            assertThat(phone.locator("#task-cards")).containsText("回访客户，确认投诉已解决");
            int before = phone.locator("#task-cards .kehu-card").count();
            phone.locator("#task-handoff-" + revisit.id()).click();
            assertThat(phone.locator("#task-handoff-to")).isVisible();
            BoundingBox dialog = phone.locator("vaadin-dialog-overlay [part=overlay]").first().boundingBox();
            org.assertj.core.api.Assertions.assertThat(dialog.x).isGreaterThanOrEqualTo(0);
            org.assertj.core.api.Assertions.assertThat(dialog.x + dialog.width).isLessThanOrEqualTo(390);
            BoundingBox ok = phone.locator("#task-handoff-ok").boundingBox();
            org.assertj.core.api.Assertions.assertThat(ok.height).as("a big target").isGreaterThanOrEqualTo(36);
            phone.locator("#task-handoff-to input").fill("冯晓");
            phone.locator("vaadin-combo-box-item").getByText("冯晓 Feng").click();
            phone.locator("#task-handoff-reason textarea").fill("下周出差，请冯晓代为回访");
            phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("handoff-dialog-phone")));
            phone.locator("#task-handoff-ok").click();

            assertThat(phone.locator("#task-handoff-dialog")).hasCount(0);
            assertThat(phone.locator("#task-cards .kehu-card")).hasCount(before - 1);
            phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("handoff-done-phone")));
            org.assertj.core.api.Assertions.assertThat(workflows.tasksOf(admin, "feedback", complaint.id()).stream()
                    .filter(t -> t.id() == revisit.id()).findFirst().orElseThrow().assigneeId()).isEqualTo(colleague);
        } finally {
            context.close();
        }
    }
}
