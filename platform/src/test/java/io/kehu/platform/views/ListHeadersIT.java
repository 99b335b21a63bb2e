package io.kehu.platform.views;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer list on a 1366×768 desktop in Chinese (UX walk: column headers were cut to "客户…"): every header's
 * label is shown whole — nothing of it lies outside the box that clips it (the sorter, the cell). Screenshot in
 * target/screenshots/list-headers-1366.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/list-headers-${random.uuid}",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class ListHeadersIT {

    /** For each header label of the list grid: "label:ok", or "label:CUT" when a clipping ancestor hides part of it. */
    private static final String HEADERS = """
            () => Array.from(document.querySelectorAll('#record-grid vaadin-grid-cell-content span[title]')).map(s => {
              const r = s.getBoundingClientRect();
              let el = s, cut = false;
              while (el && !cut) {
                el = el.assignedSlot || el.parentElement || (el.getRootNode() && el.getRootNode().host);
                if (!el || el.tagName === 'TR') break;
                const style = getComputedStyle(el);
                if (style.overflowX !== 'visible' || style.textOverflow === 'ellipsis') {
                  const box = el.getBoundingClientRect();
                  cut = r.right > box.right + 1 || r.bottom > box.bottom + 1;
                }
              }
              return s.getAttribute('title') + (cut ? ':CUT' : ':ok');
            })
            """;

    private static Chromium chromium;

    @LocalServerPort
    int port;

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
    void everyCustomerListHeaderIsReadableWholeAt1366() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setViewportSize(1366, 768))) {
            context.setDefaultTimeout(45_000);
            Page page = context.newPage();
            Chromium.signIn(page, "http://localhost:" + port, "staff", TestAccounts.DEMO_PASSWORD);
            Chromium.awaitVisible(page, page.locator("#welcome"), 90_000);
            page.navigate("http://localhost:" + port + "/forms/customer");
            assertThat(page.locator("#record-grid span[title='客户名称']")).isVisible();
            page.waitForTimeout(1_000); // the grid's column widths settle after its first rows
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("list-headers-1366")));
            @SuppressWarnings("unchecked")
            List<String> headers = (List<String>) page.evaluate(HEADERS);
            org.assertj.core.api.Assertions.assertThat(headers).as("the list's header labels").isNotEmpty()
                    .contains("客户名称:ok").allSatisfy(h -> org.assertj.core.api.Assertions.assertThat(h)
                            .endsWith(":ok"));

            // a column narrower than its label (as a user narrows it, or as auto width measured it with the
            // plugins' columns beside it): the label wraps onto further lines, it is not cut to "生命…" (seen whole in
            // list-headers-narrow-column.png)
            page.evaluate("""
                    () => {
                      const span = document.querySelector("#record-grid span[title='生命周期阶段']");
                      const cell = span.closest('vaadin-grid-cell-content');
                      const column = [...document.querySelectorAll('#record-grid vaadin-grid-column')]
                          .find(c => c._headerCell && (c._headerCell._content === cell
                              || c._headerCell.querySelector('slot')?.name === cell.getAttribute('slot')));
                      column.autoWidth = false;
                      column.flexGrow = 0;
                      column.width = '6.5em';
                    }
                    """);
            page.waitForTimeout(500);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("list-headers-narrow-column")));
            Object lines = page.evaluate(
                    "() => document.querySelector(\"#record-grid span[title='生命周期阶段']\").getClientRects().length");
            org.assertj.core.api.Assertions.assertThat(((Number) lines).intValue()).as("wrapped onto two lines")
                    .isGreaterThan(1);
        }
    }
}
