package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.bookFree;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The signed visit's PDF report: its text read back with PDFBox, archived once, in Chinese and English. */
@KehuPluginTest
class VisitReportTest {

    @Test
    void theSignedVisitsReportHasTheChecklistTheSignerAndTheHashAndIsArchivedOnce(KehuTestHost kehu)
            throws IOException {
        PluginContext context = kehu.context();
        RecordData signed = signedVisit(kehu, "报告客户");
        String hash = (String) signed.get("content_hash");

        long started = System.nanoTime();
        FileInfo file = new VisitReport(context, Locale.SIMPLIFIED_CHINESE).archived(signed.id());
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("visit report (first, cold) made and archived in %d ms, %d bytes%n", millis, file.size());
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.fileName()).startsWith("上门服务报告-").endsWith("-" + signed.id() + ".pdf");
        byte[] pdf = context.files().content(file.id()).orElseThrow();
        String text = text(pdf);
        assertThat(text).contains("上门服务报告").contains("报告客户").contains("签字人：周女士").contains(hash)
                .contains("外壳有裂纹").contains("有问题").contains("已完成").contains("未收取现金")
                .contains("上门内容与签字时一致");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).as("the CJK font is embedded, so any reader shows the Chinese").isTrue();
        }
        // downloaded again: the archived copy, not a new one
        FileInfo again = new VisitReport(context, Locale.SIMPLIFIED_CHINESE).archived(signed.id());
        assertThat(again.id()).isEqualTo(file.id());
        assertThat(context.files().list(VisitReport.key(signed.id()))).hasSize(1);

        // in English for an English reader (the plugin's bundle), the same hash
        String english = text(VisitReport.preview(context, signed.id(), Locale.ENGLISH));
        assertThat(english).contains("Service visit report").contains("Signed by: 周女士").contains(hash)
                .contains("The visit still matches the signed content").doesNotContain("签字人");
    }

    @Test
    void thereIsNoReportBeforeSigningAndTheSignedScreenLinksIt(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData open = bookFree(context, customer(context, "未签字客户", null), "inspection", user(context, "staff"), 9, 0);
        assertThatThrownBy(() -> new VisitReport(context, Locale.SIMPLIFIED_CHINESE).archived(open.id()))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("客户签字确认后才有上门服务报告"));
        assertThat(context.files().list(VisitReport.key(open.id()))).isEmpty();

        RecordData signed = signedVisit(kehu, "链接客户");
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            Div screen = new Div();
            UI.getCurrent().add(screen);
            VisitScreen.show(context, screen, signed.id());
            Anchor link = _get(Anchor.class, spec -> spec.withId("visit-report"));
            assertThat(link.getText()).isEqualTo("下载上门服务报告（PDF）");
            assertThat(link.isDownload()).isTrue();
            assertThat(link.getHref()).isNotBlank();
        }
    }

    @Test
    void aReportIsMadeInUnderASecond(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData signed = signedVisit(kehu, "计时客户");
        VisitReport.preview(context, signed.id(), Locale.SIMPLIFIED_CHINESE); // classes and font tables warm
        long[] millis = new long[10];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            VisitReport.preview(context, signed.id(), Locale.SIMPLIFIED_CHINESE);
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        java.util.Arrays.sort(millis);
        System.out.printf("visit report: median %d ms, max %d ms of %d%n", millis[millis.length / 2],
                millis[millis.length - 1], millis.length);
        // the median: one slow report on a loaded shared machine says little; docs/benchmarks.md has the figures
        assertThat(millis[millis.length / 2]).as("the median of ten reports, ms").isLessThan(1000);
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** An inspection visit checked in, answered (one problem with its note) and signed by 周女士. */
    static RecordData signedVisit(KehuTestHost kehu, String customerName) {
        PluginContext context = kehu.context();
        RecordData visit = bookFree(context, customer(context, customerName, null), "inspection", user(context, "staff"), 14, 0);
        VisitService service = new VisitService(context);
        return kehu.callAsUser("staff", () -> {
            service.move(service.visit(visit.id()), VisitSteps.CONFIRM);
            service.move(service.visit(visit.id()), VisitSteps.CHECK_IN);
            List<RecordData> checks = service.checks(visit.id());
            for (RecordData check : checks) {
                boolean first = check.equals(checks.getFirst());
                service.answer(check, first ? "problem" : "done", first ? "外壳有裂纹" : null);
            }
            return service.signOff(service.visit(visit.id()), "周女士", "M10,10 L60,80 L120,20 M150,40 L200,90");
        });
    }
}
