package io.kehu.platform.imports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import journey of issue #18 in a real Chromium, in Chinese at 1366×900, against the running application (H2,
 * shipped forms): a sales manager uploads a CSV from the customer list, fixes the one column the wizard could not map,
 * sees the dry run's problem, imports, finds the records in the list with its count, undoes the import and sees them
 * gone; then the imports list on a phone (390×844). Screenshots in target/screenshots/import-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/import-journey-${random.uuid}",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class ImportJourneyIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;
    @TempDir
    Path dir;

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

    @Test
    void uploadMapDryRunImportSeeTheRecordsUndoAndSeeThemGone() throws Exception {
        String tag = "旅程" + (System.nanoTime() % 100_000_000);
        long base = System.nanoTime() % 10_000_000;
        StringBuilder csv = new StringBuilder("客户名称,手机,区域\n");
        for (int i = 0; i < 3; i++) {
            csv.append(tag).append("贸易").append(i).append(',').append(phone(base + i)).append(",华东\n");
        }
        csv.append(tag).append("坏区域,").append(phone(base + 3)).append(",火星\n"); // row 5: no such region
        Path file = dir.resolve("客户导入.csv");
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);

        Page page = signedIn("manager", 1366, 900);
        page.navigate(url("/forms/customer"));
        page.locator("#import-records").click();
        assertThat(page.locator("#import-step")).hasText("1. 上传文件");
        page.locator("#import-upload input[type=file]").setInputFiles(file);
        assertThat(page.locator("#import-headers")).hasText("表头：客户名称 | 手机 | 区域");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("import-read")));
        page.locator("#import-next").click();

        // 手机 is not a field label: the wizard leaves it unmapped, the user picks 电话
        assertThat(page.locator("#import-mapping-count")).hasText("共 3 列，已对应 2 列");
        assertThat(page.locator("#import-field-1 input")).hasValue("（不导入）");
        page.locator("#import-field-1 input").click();
        page.locator("#import-field-1 input").fill("电话");
        page.getByRole(com.microsoft.playwright.options.AriaRole.OPTION, new Page.GetByRoleOptions().setName("电话")
                .setExact(true)).click();
        assertThat(page.locator("#import-mapping-count")).hasText("共 3 列，已对应 3 列");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("import-mapping")));

        page.locator("#import-dry-run").click();
        assertThat(page.locator("#import-dry-run-summary")).containsText("共 4 行：将新建 3 条，更新 0 条，无变化 0 条，有问题 1 行");
        assertThat(page.locator("#import-problems")).containsText("火星");
        assertThat(page.locator("#import-problems-download")).hasText("下载全部问题（Excel）");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("import-dry-run"))
                .setFullPage(true));

        page.locator("#import-start").click();
        assertThat(page.locator("#import-result")).hasText("导入完成：新建 3 条，更新 0 条，无变化 0 条，有问题 1 行。",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("import-result")).setFullPage(true));
        Actor manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        org.assertj.core.api.Assertions.assertThat(countNamed(manager, tag)).isEqualTo(3);

        // the list, in a second tab as a user would open it, keeping the result page for the undo
        Page list = page.context().newPage();
        list.navigate(url("/forms/customer"));
        list.locator("#quick-search input").fill(tag);
        assertThat(list.locator("#list-count")).containsText("共 3 条");
        for (int i = 0; i < 3; i++) {
            assertThat(list.locator("vaadin-grid-cell-content").getByText(tag + "贸易" + i)).isVisible();
        }
        list.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("import-list")));

        page.bringToFront();
        page.locator("#import-undo").click();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("撤销")
                .setExact(true)).click();
        assertThat(page.locator("#import-undone")).hasText("已撤销：删除 3 条，恢复 0 条。");
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("import-undone")));

        list.bringToFront();
        list.reload();
        list.locator("#quick-search input").fill(tag);
        assertThat(list.locator("#list-count")).containsText("共 0 条");
        assertThat(list.locator("#empty-list-message")).isVisible();
        list.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("import-list-after-undo")));
        org.assertj.core.api.Assertions.assertThat(countNamed(manager, tag)).isZero();

        // the imports list on a phone: the undone import with its file, status and counts, no sideways scrolling
        Page phone = signedIn("manager", 390, 844);
        phone.navigate(url("/imports"));
        assertThat(phone.locator("#imports-count")).hasText("共 1 次导入");
        assertThat(phone.locator("#imports-grid")).containsText("客户导入.csv");
        assertThat(phone.locator("#imports-grid")).containsText("已撤销");
        Object overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
                .as("no sideways scrolling of the page on a phone").isLessThanOrEqualTo(0);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("import-list-phone")));
    }

    private long countNamed(Actor actor, String prefix) {
        return records.query(actor, RecordQuery.of("customer").where(RecordQuery.Filter.of("name",
                RecordQuery.Operator.STARTS_WITH, prefix)).limit(100)).size();
    }

    private static String phone(long n) {
        return "138" + String.format("%08d", n % 100_000_000);
    }

    private Page signedIn(String username, int width, int height) {
        BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setViewportSize(width, height));
        context.setDefaultTimeout(45_000);
        contexts.add(context);
        Page page = context.newPage();
        Chromium.signIn(page, url(""), username, TestAccounts.DEMO_PASSWORD);
        Chromium.awaitVisible(page, page.locator("#welcome"), 90_000);
        return page;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
