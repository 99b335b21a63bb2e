package io.kehu.platform.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The form designer journeys of issue #7 in a real Chromium against the running application (H2, shipped forms):
 * an administrator drags a new field onto the customer form and publishes it while a staff user, in another browser
 * context, must fill it in and finds it in the list without a restart; and a field hidden by a publish comes back with
 * its value through a rollback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/designer-journey-${random.uuid}",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
@TestMethodOrder(MethodOrderer.MethodName.class) // the same order every run; each journey sets up its own data
class FormDesignerJourneyIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
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

    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        // Two cores shared with other builds: sign-in and first renders can take longer than the 5 s default.
        PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    @AfterEach
    void closeContexts(org.junit.jupiter.api.TestInfo test) {
        // What each browser showed at the end, for a failing journey's report.
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-end-"
                        + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("journey") + "-" + n++)));
            }
        }
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void anAdminAddsARequiredFieldAndStaffMustFillItWithoutARestart() {
        Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        String name = "微信测试" + token() + "有限公司";
        Record customer = customer(staff, name);

        Page admin = signedIn("admin", TestAccounts.ADMIN_PASSWORD);
        admin.navigate(url("/admin/forms"));
        assertThat(admin.locator("#forms-grid")).isVisible();
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-forms-list")));
        admin.locator("#forms-edit-customer").click();
        assertThat(admin).hasURL(Pattern.compile(".*/admin/forms/customer$"));
        admin.locator("#palette-text").dragTo(admin.locator("#designer-drop-0"));
        assertThat(admin.locator("#designer-drop-0 [data-field=text_1]")).isVisible();
        assertThat(admin.locator("#prop-id input")).hasValue("text_1");

        admin.locator("#prop-advanced vaadin-details-summary").click(); // the id is under 高级 / Advanced
        admin.locator("#prop-id input").fill("wechat_id");
        admin.locator("#prop-id input").press("Tab");
        assertThat(admin.locator("#designer-drop-0 [data-field=wechat_id]")).isVisible();
        admin.locator("#prop-label-zh input").fill("微信号");
        admin.locator("#prop-label-zh input").press("Tab");
        admin.locator("#prop-label-en input").fill("WeChat ID");
        admin.locator("#prop-label-en input").press("Tab");
        admin.locator("#prop-required input").check();
        admin.locator("#prop-show-in-list input").check();
        assertThat(admin.locator("#designer-drop-0 [data-field=wechat_id]")).containsText("WeChat ID *");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-new-field")));

        admin.locator("#designer-tab-preview").click();
        assertThat(admin.locator("#preview-form #field-wechat_id")).isVisible();
        assertThat(admin.locator("#preview-form #field-wechat_id")).containsText("WeChat ID");
        admin.locator("#preview-language").click();
        admin.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("中文")).click();
        assertThat(admin.locator("#preview-form #field-wechat_id")).containsText("微信号");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-preview")));

        int versions = publisher.versions("customer").size();
        admin.locator("#designer-publish").click();
        assertThat(admin.locator("#publish-summary")).hasText("New field: WeChat ID");
        assertThat(admin.locator("#publish-adds")).containsText("frm_customer.wechat_id");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-publish-preview")));
        admin.locator("#publish-confirm").click();
        assertThat(admin.locator("#designer-status")).hasText("Published version " + (versions + 1));
        FieldDefinition published = catalog.published("customer").orElseThrow().field("wechat_id").orElseThrow();
        assertThat(published.required()).isTrue();
        assertThat(published.label()).isEqualTo(LocalizedText.of("微信号", "WeChat ID"));
        assertThat(publisher.versions("customer").getLast().publishedBy()).isEqualTo("admin");

        Page user = signedIn("staff", TestAccounts.DEMO_PASSWORD);
        user.navigate(url("/forms/customer/" + customer.id()));
        assertThat(user.locator("#field-wechat_id")).isVisible();
        user.locator("#field-email input").fill("wechat-journey@example.com");
        user.locator("#record-save").click();
        assertThat(user.locator("#field-wechat_id")).hasAttribute("invalid", "");
        assertThat(user.locator("#field-wechat_id").getByText("“WeChat ID” is required").first()).isVisible();
        user.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-staff-required")));
        String wechat = "wx_" + token();
        user.locator("#field-wechat_id input").fill(wechat);
        user.locator("#record-save").click();
        assertThat(user.getByText("Saved", new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("wechat_id")).isEqualTo(wechat);

        user.navigate(url("/forms/customer"));
        user.locator("#quick-search input").fill(name);
        assertThat(user.locator("vaadin-grid-cell-content").getByText(wechat)).isVisible();
        user.locator("vaadin-grid-cell-content").getByText(wechat).scrollIntoViewIfNeeded();
        user.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-staff-list")));
    }

    @Test
    void aHiddenFieldComesBackWithItsValueAfterARollback() {
        addField("qq_id", "QQ号", "QQ ID");
        Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        String qq = "qq" + token();
        Map<String, Object> values = new HashMap<>();
        values.put("qq_id", qq);
        Record customer = customer(staff, "QQ测试" + token(), values);

        Page admin = signedIn("admin", TestAccounts.ADMIN_PASSWORD);
        admin.navigate(url("/admin/forms/customer"));
        admin.locator("[data-field=qq_id]").click();
        assertThat(admin.locator("#prop-id input")).hasValue("qq_id");
        admin.locator("#prop-remove").click();
        assertThat(admin.locator("[data-field=qq_id]")).hasCount(0);
        int versions = publisher.versions("customer").size();
        admin.locator("#designer-publish").click();
        assertThat(admin.locator("#publish-summary")).containsText("Removed field: QQ ID");
        assertThat(admin.locator("#publish-hides")).containsText("qq_id");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-hide-preview")));
        admin.locator("#publish-confirm").click();
        assertThat(admin.locator("#designer-status")).hasText("Published version " + (versions + 1));
        assertThat(catalog.published("customer").orElseThrow().field("qq_id")).isEmpty();

        Page user = signedIn("staff", TestAccounts.DEMO_PASSWORD);
        user.navigate(url("/forms/customer/" + customer.id()));
        assertThat(user.locator("#field-name")).isVisible();
        assertThat(user.locator("#field-qq_id")).hasCount(0);

        int hiddenVersion = publisher.versions("customer").getLast().number();
        admin.locator("#designer-versions").click();
        assertThat(admin.locator("#history-diff")).containsText("qq_id");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-history")));
        admin.locator("#history-rollback-" + (hiddenVersion - 1)).click();
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Publish version " + (hiddenVersion - 1) + " again").setExact(true)).click();
        assertThat(admin.locator("#designer-status")).hasText("Published version " + (hiddenVersion + 1));
        assertThat(admin.locator("[data-field=qq_id]")).isVisible();
        assertThat(catalog.published("customer").orElseThrow().field("qq_id")).isPresent();

        user.navigate(url("/forms/customer/" + customer.id()));
        assertThat(user.locator("#field-qq_id input")).hasValue(qq);
        user.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-restored")));
    }

    /** Publishes a text field at the end of the customer form's first section, as set-up for a journey. */
    private void addField(String id, String zh, String en) {
        FormDefinition form = catalog.published("customer").orElseThrow();
        if (form.field(id).isPresent()) {
            return; // a rerun of the journey (failsafe reruns a failed one): already published by the first run
        }
        FieldDefinition plain = FieldDefinition.of(id, FieldType.TEXT);
        FieldDefinition field = new FieldDefinition(id, plain.type(), LocalizedText.of(zh, en), null, false, null,
                null, null, null, null, null, null, null, false, false, false, true, false, null, null, null, null,
                null, null);
        FormDefinition next = DesignerEdits.addField(form, field, 0, Integer.MAX_VALUE);
        publisher.publish(next, "admin", "journey set-up");
        assertThat(next.layout().getFirst().fields()).contains(id);
    }

    private Record customer(Actor owner, String name) {
        return customer(owner, name, new HashMap<>());
    }

    /** A customer of {@code owner}, with a WeChat id when the other journey made that field required. */
    private Record customer(Actor owner, String name, Map<String, Object> values) {
        values.put("name", name);
        values.put("customer_type", "company");
        values.put("phone", String.format("138%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        values.put("region", "east_china");
        if (catalog.published("customer").orElseThrow().field("wechat_id").isPresent()) {
            values.put("wechat_id", "wx_setup_" + token());
        }
        return records.create(owner, "customer", values);
    }

    private static String token() {
        return "T" + SEQUENCE.incrementAndGet();
    }

    private Page signedIn(String username, String password) {
        Browser browser = chromium.browser();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setViewportSize(1440, 900));
        context.setDefaultTimeout(45_000); // first renders are slow on two cores shared with other builds
        contexts.add(context);
        Page page = context.newPage();
        Chromium.signIn(page, url(""), username, password);
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
