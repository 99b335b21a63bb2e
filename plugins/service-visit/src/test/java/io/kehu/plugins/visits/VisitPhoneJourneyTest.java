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

    /**
     * The whole visit on the phone: the customer confirms, the visitor checks in and records the position (the
     * browser context is granted geolocation at a fixed place), answers every line — one with a photo uploaded
     * through the camera input —, records the leaving position, the customer signs and fills in the feedback card;
     * the stored visit has it all, with the check-out time stamped at the signature. Screenshots
     * {@code target/visit-journey-*.png}.
     */
    @Test
    void theWholeVisitOnThePhoneFromConfirmingToTheFeedbackCard(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        long customer = context.records().create("customer", Map.of("name", "全流程客户", "phone", "13900139000",
                "address", "深圳市福田区深南大道 6008 号")).id();
        RecordData visit = book(context, customer, "inspection", user(context, "staff"),
                at(LocalDate.now(Texts.ZONE), 11, 0));
        Path photo = Files.createTempFile("visit-journey", ".jpg");
        Files.write(photo, Photos.cameraJpeg(1200, 900, 7));
        try (KehuBrowser browser = KehuBrowser.phone(kehu)) {
            browser.context().grantPermissions(List.of("geolocation"));
            browser.context().setGeolocation(new com.microsoft.playwright.options.Geolocation(22.5431, 113.9512));
            Page page = browser.signIn("staff");
            page.navigate(kehu.baseUrl() + "/apps/service-visit/" + TodayView.PATH);
            page.locator("#visit-open-" + visit.id()).click();
            // 客户已确认, then 到达签到: the big step button each time
            page.locator("#visit-move").filter(new Locator.FilterOptions().setHasText("客户已确认")).click();
            page.locator("#visit-move").filter(new Locator.FilterOptions().setHasText("到达签到")).click();
            page.locator("#visit-location").waitFor();
            page.locator("#location-consent").click();
            page.locator("#location-take-check_in_location").click();
            page.locator("#location-outcome").filter(new Locator.FilterOptions().setHasText("位置已记录")).waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/visit-journey-checked-in.png")));
            RecordData onSite = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
            assertThat(onSite.get("status")).isEqualTo("on_site");
            assertThat(onSite.get("checked_in_at")).isNotNull();
            assertThat(onSite.get("check_in_location")).isEqualTo("22.543100,113.951200");

            List<RecordData> checks = new VisitService(context).checks(visit.id());
            RecordData first = checks.getFirst();
            page.locator("#photo-upload-" + first.id() + " input[type=file]").setInputFiles(photo);
            page.locator("#photo-count-" + first.id()).filter(new Locator.FilterOptions().setHasText("已有 1 张照片"))
                    .waitFor();
            for (RecordData check : checks) {
                page.locator("#check-" + check.id() + " vaadin-radio-button")
                        .filter(new Locator.FilterOptions().setHasText("已完成")).click();
                page.locator("#check-saved-" + check.id()).filter(new Locator.FilterOptions().setHasText("已保存"))
                        .waitFor();
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/visit-journey-checklist.png"))
                    .setFullPage(true));
            page.locator("#location-take-check_out_location").click();
            // the outcome reads the same as at arrival: wait for the stored position instead
            for (int i = 0; i < 120 && context.records().get(VisitForms.VISIT, visit.id()).orElseThrow()
                    .get("check_out_location") == null; i++) {
                page.waitForTimeout(500);
            }

            page.locator("#signer-name input").fill("钱女士");
            Locator canvas = page.locator("#signature-pad canvas");
            canvas.scrollIntoViewIfNeeded();
            BoundingBox box = canvas.boundingBox();
            page.mouse().move(box.x + 30, box.y + 40);
            page.mouse().down();
            for (int i = 1; i <= 10; i++) {
                page.mouse().move(box.x + 30 + i * 22, box.y + 40 + (i % 2 == 0 ? 50 : 0));
            }
            page.mouse().up();
            page.waitForTimeout(500); // the stroke's change event reaches the server
            page.locator("#visit-sign").click();
            page.locator("#visit-signed").waitFor();

            page.locator("#feedback-rating vaadin-radio-button").filter(new Locator.FilterOptions()
                    .setHasText("★★★★☆")).click();
            page.locator("#feedback-comment textarea").fill("师傅很准时，现场很干净");
            page.locator("#feedback-submit").click();
            page.locator("#feedback-thanks").waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/visit-journey-feedback.png"))
                    .setFullPage(true));
        } finally {
            Files.deleteIfExists(photo);
        }
        RecordData done = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
        assertThat(done.get("status")).isEqualTo("signed_off");
        assertThat(done.get("checked_out_at")).as("checked out when the customer signed").isNotNull();
        assertThat(done.get("check_out_location")).isEqualTo("22.543100,113.951200");
        assertThat(done.get("signer_name")).isEqualTo("钱女士");
        assertThat(new VisitService(context).photos(new VisitService(context).checks(visit.id()).getFirst().id()))
                .hasSize(1);
        List<RecordData> cards = context.records().search(VisitForms.FEEDBACK)
                .where("visit", FilterOperator.EQUALS, visit.id()).limit(5).list();
        assertThat(cards).hasSize(1);
        assertThat(((Number) cards.getFirst().get("rating")).longValue()).isEqualTo(4L);
        assertThat(cards.getFirst().get("comment")).isEqualTo("师傅很准时，现场很干净");
    }
}
