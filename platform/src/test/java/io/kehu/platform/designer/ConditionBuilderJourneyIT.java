package io.kehu.platform.designer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #16 item 10 in a real Chromium, zh-CN: an administrator builds "客户等级 等于 大客户" as the visibleWhen of a
 * new field with the visual condition builder (no Groovy typed), the publish preview speaks of fields by label, and
 * after publishing the field shows on a key customer's record and not on a normal one — a working rule. Then the
 * designer at 1024×768: the property panel fits and the toolbar stays in view when the page scrolls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/condition-journey-${random.uuid}",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class ConditionBuilderJourneyIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;

    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        PlaywrightAssertions.setDefaultAssertionTimeout(45_000);
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    @AfterEach
    void closeContexts() {
        int n = 0;
        for (BrowserContext context : contexts) {
            for (Page page : context.pages()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("condition-end-" + n++)));
            }
        }
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Test
    void anAdminBuildsAVisibilityConditionWithoutGroovyAndItWorksOnTheRecordForm() {
        Record key = customer("KEY");
        Record normal = customer("NORMAL");
        Page admin = signedIn(1366, 900);
        admin.navigate(url("/admin/forms/customer"));
        admin.locator("#palette-textarea").click();
        admin.locator("#prop-label-zh input").fill("大客户备注");
        admin.locator("#prop-label-zh input").press("Tab");
        assertThat(admin.locator("#prop-id input")).hasValue(Pattern.compile("da_ke_hu_bei_zhu(_\\d+)?"));
        String id = admin.locator("#prop-id input").inputValue();
        admin.locator("#prop-label-en input").fill("Key account note");
        admin.locator("#prop-label-en input").press("Tab");
        assertThat(admin.locator("#prop-id input")).hasValue(id);

        admin.locator("#prop-visible-when-builder-add").click();
        admin.locator("#prop-visible-when-builder-row-0-field input").fill("客户等级");
        admin.locator("vaadin-combo-box-item").filter(new Locator.FilterOptions().setHasText("客户等级")).click();
        assertThat(admin.locator("#prop-visible-when-builder-row-0-op")).containsText("等于");
        admin.locator("#prop-visible-when-builder-row-0-value").click();
        admin.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("大客户")).click();
        assertThat(admin.locator("#prop-visible-when-generated")).hasText("record.level == 'KEY'");
        assertThat(admin.locator("#prop-visible-when-status")).hasText("编译通过");
        assertThat(admin.locator("#prop-visible-when")).isHidden(); // no Groovy editor in the way
        admin.locator("#prop-visible-when-builder").scrollIntoViewIfNeeded();
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-condition-builder")));

        int versions = publisher.versions("customer").size();
        admin.locator("#designer-publish").click();
        assertThat(admin.locator("#publish-summary")).containsText("新增字段：大客户备注");
        assertThat(admin.locator("#publish-summary")).not().containsText("frm_customer");
        assertThat(admin.locator("#publish-technical")).containsText("技术细节");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-publish-business")));
        admin.locator("#publish-confirm").click();
        assertThat(admin.locator("#designer-status")).containsText(String.valueOf(versions + 1));
        assertThat(catalog.published("customer").orElseThrow().field(id).orElseThrow().visibleWhen())
                .isEqualTo("record.level == 'KEY'");

        admin.navigate(url("/forms/customer/" + key.id()));
        assertThat(admin.locator("#field-" + id)).isVisible();
        assertThat(admin.locator("#field-" + id)).containsText("大客户备注");
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("condition-key-customer")));
        admin.navigate(url("/forms/customer/" + normal.id()));
        assertThat(admin.locator("#field-name")).isVisible();
        assertThat(admin.locator("#field-" + id)).isHidden();
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("condition-normal-customer")));
    }

    @Test
    void at1024PixelsThePropertyPanelFitsAndTheToolbarStaysInView() {
        Page admin = signedIn(1024, 768);
        admin.navigate(url("/admin/forms/customer"));
        admin.locator("[data-field=name]").click();
        assertThat(admin.locator("#prop-label-zh input")).hasValue("客户名称");
        BoundingBox side = admin.locator("#designer-side").boundingBox();
        assertThat(side.x + side.width).isLessThanOrEqualTo(1024);
        admin.locator("[data-field=notes]").scrollIntoViewIfNeeded();
        admin.mouse().wheel(0, 3000);
        assertThat(admin.locator("#designer-publish")).isInViewport();
        assertThat(admin.locator("#designer-undo")).isInViewport();
        assertThat(admin.locator("#prop-label-zh")).isInViewport(); // the panel did not scroll away either
        admin.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("designer-1024")));
    }

    private Record customer(String level) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "条件测试" + level + SEQUENCE.incrementAndGet());
        values.put("customer_type", "company");
        values.put("phone", String.format("139%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        values.put("region", "east_china");
        values.put("level", level);
        return records.create(Actor.system("journey"), "customer", values);
    }

    private Page signedIn(int width, int height) {
        Browser browser = chromium.browser();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setViewportSize(width, height));
        context.setDefaultTimeout(45_000);
        contexts.add(context);
        Page page = context.newPage();
        Chromium.signIn(page, url(""), "admin", TestAccounts.ADMIN_PASSWORD);
        assertThat(page).not().hasURL(Pattern.compile(".*/login.*"));
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
