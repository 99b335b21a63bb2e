package io.kehu.plugins.visits;

import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuBrowser;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The visitor's phone in real Chromium at 390×844 (zh-CN): today's card with the tap-to-call link, the visit, the
 * customer's name and a signature drawn with the pointer on the canvas, reaching the server as strokes. Without
 * Chromium ({@code /usr/bin/chromium} or {@code KEHU_CHROMIUM}) it fails saying what to install ({@link KehuBrowser}).
 */
@KehuPluginTest
class VisitPhoneJourneyTest {

    @Test
    void theCustomerSignsOnThePhone(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        long customer = context.records().create("customer", Map.of("name", "浏览器客户", "phone", "13800138000",
                "address", "深圳市南山区科技园")).id();
        RecordData visit = book(context, customer, "inspection", user(context, "staff"),
                at(LocalDate.now(Texts.ZONE), 9, 0));
        RecordData current = visit;
        for (String step : List.of(VisitSteps.CONFIRM, VisitSteps.CHECK_IN)) { // through the visit's workflow
            current = context.workflows().transition(VisitForms.VISIT, current.id(), step, null,
                    current.rowVersion());
        }
        for (RecordData check : context.records().search(VisitForms.CHECK)
                .where("visit", FilterOperator.EQUALS, visit.id()).limit(100).list()) {
            context.records().update(VisitForms.CHECK, check.id(), check.rowVersion(), Map.of("result", "done"));
        }
        try (KehuBrowser browser = KehuBrowser.phone(kehu)) {
            Page page = browser.signIn("staff");
            page.navigate(kehu.baseUrl() + "/apps/service-visit/" + TodayView.PATH);
            Locator card = page.locator("#visit-card-" + visit.id());
            card.waitFor();
            assertThat(card.locator("a[href='tel:13800138000']").count()).isEqualTo(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/visit-phone-today.png")));
            page.locator("#visit-open-" + visit.id()).click();
            page.locator("#signer-name input").fill("赵先生");
            Locator canvas = page.locator("#signature-pad canvas");
            canvas.scrollIntoViewIfNeeded();
            BoundingBox box = canvas.boundingBox();
            page.mouse().move(box.x + 20, box.y + 30);
            page.mouse().down();
            for (int i = 1; i <= 12; i++) {
                page.mouse().move(box.x + 20 + i * 20, box.y + 30 + (i % 2 == 0 ? 60 : 0));
            }
            page.mouse().up();
            page.waitForTimeout(500); // the stroke's change event reaches the server
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/visit-phone-sign.png"))
                    .setFullPage(true));
            page.locator("#visit-sign").click();
            page.locator("#visit-signed").waitFor();
            assertThat(page.locator("#visit-signed").innerText()).contains("赵先生");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/visit-phone-signed.png"))
                    .setFullPage(true));
            // the report downloaded as the customer would get it: its text (PDFBox) has the signer and the hash
            Locator report = page.locator("#visit-report");
            assertThat(report.innerText()).isEqualTo("下载上门服务报告（PDF）");
            com.microsoft.playwright.Download download = page.waitForDownload(report::click);
            assertThat(download.suggestedFilename()).startsWith("上门服务报告-").endsWith(".pdf");
            String hash = (String) context.records().get(VisitForms.VISIT, visit.id()).orElseThrow()
                    .get("content_hash");
            assertThat(VisitReportTest.text(Files.readAllBytes(download.path()))).contains("签字人：赵先生")
                    .contains(hash).contains("上门服务报告");
        }
        RecordData signed = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
        assertThat(signed.get("status")).isEqualTo("signed_off");
        assertThat((String) signed.get("signature")).startsWith("M").contains(" L");
        assertThat(signed.get("signer_name")).isEqualTo("赵先生");
    }
}
