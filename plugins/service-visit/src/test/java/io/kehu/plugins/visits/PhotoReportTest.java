package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.bookFree;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.BenchFigures;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/**
 * Photos in the visit report (small thumbnails under their line, the Chinese text still right, ten photos in under
 * a second), photos on lines that do not ask for one, and deleting a photo with its trace on the line.
 */
@KehuPluginTest
class PhotoReportTest {

    @Test
    void theReportShowsEachLinesPhotosAsSmallThumbnailsAndStaysFast(KehuTestHost kehu) throws IOException {
        PluginContext context = kehu.context();
        RecordData visit = bookFree(context, customer(context, "照片报告客户", null), "inspection",
                user(context, "staff"), 10, 0);
        VisitService service = new VisitService(context);
        RecordData signed = kehu.callAsUser("staff", () -> {
            service.move(service.visit(visit.id()), VisitSteps.CONFIRM);
            service.move(service.visit(visit.id()), VisitSteps.CHECK_IN);
            List<RecordData> checks = service.checks(visit.id());
            // ten camera-sized photos: seven on the first line, three on a closing line that asks for none
            RecordData first = checks.getFirst();
            RecordData closing = checks.getLast();
            assertThat(closing.get("photo_required")).isEqualTo(false);
            for (int i = 0; i < 10; i++) {
                RecordData line = i < 7 ? first : closing;
                RecordData now = context.records().get(VisitForms.CHECK, line.id()).orElseThrow();
                service.addPhoto(now, "IMG_00" + i + ".jpg", Photos.cameraJpeg(1600, 1200, i));
            }
            for (RecordData check : service.checks(visit.id())) {
                boolean problem = check.id() == first.id();
                service.answer(check, problem ? "problem" : "done", problem ? "外壳有裂纹，已拍照" : null);
            }
            return service.signOff(service.visit(visit.id()), "钱先生", "M10,10 L60,80 L120,20");
        });
        assertThat(service.photos(service.checks(visit.id()).getFirst().id())).hasSize(7);
        long storedBytes = service.checks(visit.id()).stream().flatMap(c -> service.photos(c.id()).stream())
                .mapToLong(FileInfo::size).sum();

        // a photo kept before thumbnails existed: its thumbnail is made at its first report
        FileInfo older = service.photos(service.checks(visit.id()).getFirst().id()).getFirst();
        context.files().list(VisitService.thumbnailKey(older.id())).forEach(t -> context.files().delete(t.id()));
        byte[] pdf = VisitReport.preview(context, visit.id(), Locale.SIMPLIFIED_CHINESE);
        assertThat(context.files().list(VisitService.thumbnailKey(older.id()))).hasSize(1);
        String text = VisitReportTest.text(pdf);
        assertThat(text).contains("上门服务报告").contains("照片报告客户").contains("签字人：钱先生")
                .contains("外壳有裂纹，已拍照").contains("照片 7 张").contains("照片 3 张")
                .contains((String) signed.get("content_hash")).contains("上门内容与签字时一致");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images++;
                        assertThat(Math.max(image.getWidth(), image.getHeight())).as("a thumbnail, not the photo")
                                .isLessThanOrEqualTo(ReportPhotos.SIDE);
                    }
                }
            }
            assertThat(images).isEqualTo(10);
        }
        System.out.printf("report with 10 photos: %d bytes (photos as stored: %d bytes)%n", pdf.length, storedBytes);
        assertThat((long) pdf.length).as("thumbnails keep the report small").isLessThan(storedBytes / 4);

        // timed: ten reports of the visit with ten photos; the wall time on a loaded shared machine says little, the
        // CPU time of the thread making the report (PDFBox, the font subset, H2 in the same thread) is the measure
        VisitReport.preview(context, visit.id(), Locale.SIMPLIFIED_CHINESE);
        long[] millis = new long[10];
        long[] cpu = new long[10];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            long cpuStarted = threadCpuNanos();
            VisitReport.preview(context, visit.id(), Locale.SIMPLIFIED_CHINESE);
            cpu[i] = (threadCpuNanos() - cpuStarted) / 1_000_000;
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        Arrays.sort(cpu);
        System.out.printf("visit report with 10 photos: wall median %d ms, max %d ms; CPU median %d ms, max %d ms"
                + " (of %d); load %s%n", millis[millis.length / 2], millis[millis.length - 1], cpu[cpu.length / 2],
                cpu[cpu.length - 1], millis.length, BenchFigures.loadAverage());
        assertThat(cpu[cpu.length / 2]).as("the median CPU time of ten reports with ten photos, ms").isLessThan(1000);
    }

    private static long threadCpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void aPhotoIsDeletedWithATraceOnTheLineAndNotAfterSigning(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData visit = bookFree(context, customer(context, "删照片客户", null), "inspection",
                user(context, "staff"), 15, 0);
        VisitService service = new VisitService(context);
        long lineId = kehu.callAsUser("staff", () -> {
            service.move(service.visit(visit.id()), VisitSteps.CONFIRM);
            service.move(service.visit(visit.id()), VisitSteps.CHECK_IN);
            RecordData line = service.checks(visit.id()).getFirst();
            line = service.addPhoto(line, "IMG_keep.jpg", Photos.jpeg(800, 600));
            service.addPhoto(line, "IMG_wrong.jpg", Photos.jpeg(640, 480));
            return line.id();
        });
        FileInfo wrong = service.photos(lineId).getLast();
        RecordData after = kehu.callAsUser("staff", () -> service.removePhoto(
                context.records().get(VisitForms.CHECK, lineId).orElseThrow(), wrong.id()));
        assertThat(after.get("photos")).isEqualTo(1L);
        assertThat(service.photos(lineId)).extracting(FileInfo::fileName).containsExactly("IMG_keep.jpg");
        assertThat(context.files().content(wrong.id())).isEmpty();
        String staffName = context.users().byUsername("staff").orElseThrow().displayName();
        assertThat((String) after.get("photos_removed")).contains(staffName).contains("删除了照片 IMG_wrong.jpg")
                .contains(wrong.sha256().substring(0, 12));
        // the trace is only ever added to: nobody rewrites or empties it
        assertThatThrownBy(() -> context.records().update(VisitForms.CHECK, lineId, after.rowVersion(),
                Map.of("photos_removed", "什么也没删")))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .contains("只能追加"));
        // a photo that is not the line's is not deleted through it
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.removePhoto(after, wrong.id())))
                .isInstanceOf(RecordException.class);

        // signed off: the photo stays, the refusal undoes the delete
        kehu.callAsUser("staff", () -> {
            for (RecordData check : service.checks(visit.id())) {
                service.answer(check, "done", null);
            }
            return service.signOff(service.visit(visit.id()), "孙女士", "M1,1 L9,9");
        });
        FileInfo kept = service.photos(lineId).getFirst();
        RecordData frozen = context.records().get(VisitForms.CHECK, lineId).orElseThrow();
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.removePhoto(frozen, kept.id())))
                .isInstanceOf(RecordException.class);
        assertThat(service.photos(lineId)).hasSize(1);
        assertThat(context.files().content(kept.id())).isPresent();
    }

    @Test
    void everyLineTakesPhotosOnThePhoneAndOneIsDeletedThere(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData visit = bookFree(context, customer(context, "手机删照片客户", null), "inspection",
                user(context, "staff"), 16, 30);
        VisitService service = new VisitService(context);
        RecordData line = kehu.callAsUser("staff", () -> {
            service.move(service.visit(visit.id()), VisitSteps.CONFIRM);
            service.move(service.visit(visit.id()), VisitSteps.CHECK_IN);
            RecordData first = service.checks(visit.id()).getFirst();
            return service.addPhoto(first, "IMG_phone.jpg", Photos.jpeg(800, 600));
        });
        FileInfo photo = service.photos(line.id()).getFirst();
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            Div screen = new Div();
            UI.getCurrent().add(screen);
            VisitScreen.show(context, screen, visit.id());
            // no line of an inspection asks for a photo, yet each offers one
            List<RecordData> checks = service.checks(visit.id());
            assertThat(checks).allSatisfy(c -> assertThat(c.get("photo_required")).isEqualTo(false));
            assertThat(_find(Upload.class)).hasSize(checks.size());
            _get(Button.class, spec -> spec.withId("photo-delete-" + photo.id())).click();
            assertThat(_get(Span.class, spec -> spec.withId("photo-status-" + line.id())).getText())
                    .isEqualTo("已删除照片 IMG_phone.jpg（已记录在“删除的照片记录”中）");
            assertThat(_find(Button.class, spec -> spec.withId("photo-delete-" + photo.id()))).isEmpty();
        }
        assertThat(service.photos(line.id())).isEmpty();
        assertThat(context.records().get(VisitForms.CHECK, line.id()).orElseThrow().get("photos")).isEqualTo(0L);
    }
}
