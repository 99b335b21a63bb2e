package io.kehu.plugins.visits;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.bookFree;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a signature is bound to on every path: a visit signed off in the record view gets its hash and first-time-fix
 * mark; a visit changed after signing is signed again on the phone, the earlier signature kept, a new report
 * archived; the overdue mark the metrics count.
 */
@KehuPluginTest
class SignatureSealTest {

    private static String text(String id) {
        return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    private static RecordData onSite(KehuTestHost kehu, String customerName, String problemNote) {
        PluginContext context = kehu.context();
        RecordData visit = bookFree(context, customer(context, customerName, null), "repair", user(context, "staff"),
                9, 0);
        VisitService service = new VisitService(context);
        return kehu.callAsUser("staff", () -> {
            service.move(service.visit(visit.id()), VisitSteps.CONFIRM);
            service.move(service.visit(visit.id()), VisitSteps.CHECK_IN);
            List<RecordData> checks = service.checks(visit.id());
            for (RecordData check : checks) {
                boolean problem = problemNote != null && check.equals(checks.getFirst());
                if (Boolean.TRUE.equals(check.get("photo_required"))) {
                    check = service.addPhoto(check, "IMG.jpg", Photos.jpeg(400, 300));
                }
                service.answer(check, problem ? "problem" : "done", problem ? problemNote : null);
            }
            return service.visit(visit.id());
        });
    }

    @Test
    void aVisitSignedOffInTheRecordViewGetsItsHashAndFirstTimeFixMark(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData visit = onSite(kehu, "记录页签字客户", null);
        // the record view's 客户签字确认: the workflow step with the fields it asks for, no plugin screen involved
        kehu.callAsUser("staff", () -> context.workflows().transition(VisitForms.VISIT, visit.id(), VisitSteps.SIGN_OFF,
                null, Map.of("signer_name", "吴先生", "signature", "M5,5 L50,50"), visit.rowVersion()));
        RecordData signed = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
        assertThat(signed.get("status")).isEqualTo("signed_off");
        assertThat(signed.get("content_hash")).as("sealed right after the sign-off").isEqualTo(
                VisitHash.now(context, signed, SignOffSeal.checks(context, visit.id())));
        assertThat(signed.get("first_time_fix")).isEqualTo(true);
        // nobody writes another hash over it
        assertThatThrownBy(() -> context.records().update(VisitForms.VISIT, visit.id(), signed.rowVersion(),
                Map.of("content_hash", "0".repeat(64)))).isInstanceOf(RecordException.class);

        // a visit that left a problem open was not fixed first time
        RecordData partly = onSite(kehu, "遗留问题客户", "配件缺货");
        RecordData partlySigned = kehu.callAsUser("staff", () -> new VisitService(context).signOff(partly, "郑女士",
                "M1,1 L9,9"));
        assertThat(context.records().get(VisitForms.VISIT, partlySigned.id()).orElseThrow().get("first_time_fix"))
                .isEqualTo(false);
    }

    @Test
    void aVisitChangedAfterSigningIsSignedAgainOnThePhoneKeepingTheEarlierSignature(KehuTestHost kehu)
            throws IOException {
        PluginContext context = kehu.context();
        VisitService service = new VisitService(context);
        RecordData visit = onSite(kehu, "重新签字客户", null);
        RecordData signed = kehu.callAsUser("staff", () -> service.signOff(visit, "王先生", "M10,10 L60,80"));
        String firstHash = (String) signed.get("content_hash");
        FileInfo firstReport = new VisitReport(context, Locale.SIMPLIFIED_CHINESE).archived(visit.id());
        // signing again while nothing changed is refused
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.resign(service.visit(visit.id()), "王先生",
                "M1,1 L2,2"))).isInstanceOf(RecordException.class);

        // the address corrected in the record view after signing
        RecordData now = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
        context.records().update(VisitForms.VISIT, visit.id(), now.rowVersion(),
                Map.of("address", "上海市徐汇区漕溪北路 88 号"));
        try (KehuUi ui = kehu.ui("staff", Locale.SIMPLIFIED_CHINESE)) {
            Div screen = new Div();
            UI.getCurrent().add(screen);
            VisitScreen.show(context, screen, visit.id());
            assertThat(text("visit-hash")).startsWith("⚠ 签字后内容已被修改");
            assertThat(text("visit-resign")).contains("请客户重新签字确认");
            _get(TextField.class, spec -> spec.withId("resign-name")).setValue("王先生");
            _find(Input.class, spec -> spec.withId("signature-strokes")).getLast().setValue("M20,20 L90,40 L30,70");
            _click(_get(Button.class, spec -> spec.withId("visit-resign-button")));
            assertThat(text("visit-hash")).contains("与签字时一致");
            assertThat(_find(Div.class, spec -> spec.withId("visit-resign"))).isEmpty();
        }
        RecordData resigned = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
        assertThat(resigned.get("content_hash")).isNotEqualTo(firstHash)
                .isEqualTo(VisitHash.now(context, resigned, SignOffSeal.checks(context, visit.id())));
        assertThat(resigned.get("signature")).isEqualTo("M20,20 L90,40 L30,70");
        assertThat((String) resigned.get("previous_signatures")).contains("王先生").contains(firstHash);
        assertThat((OffsetDateTime) resigned.get("signed_at")).isAfter((OffsetDateTime) signed.get("signed_at"));
        // a new report for the new signature, the first one kept
        List<FileInfo> reports = context.files().list(VisitReport.key(visit.id()));
        assertThat(reports).hasSize(2);
        assertThat(reports.getFirst().id()).isEqualTo(firstReport.id());
        String text = VisitReportTest.text(context.files().content(reports.getLast().id()).orElseThrow());
        assertThat(text).contains((String) resigned.get("content_hash")).contains("漕溪北路");
        // the kept signatures are only ever added to
        assertThatThrownBy(() -> context.records().update(VisitForms.VISIT, visit.id(), resigned.rowVersion(),
                Map.of("previous_signatures", "无"))).isInstanceOf(RecordException.class);
    }

    @Test
    void visitsPastTheirEndAreMarkedOverdueUntilMovedOrDone(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long staff = user(context, "staff");
        LocalDate past = LocalDate.now(Texts.ZONE).minusDays(2);
        Map<String, Object> values = new HashMap<>(Map.of("subject", "逾期维修", "customer",
                customer(context, "逾期标记客户", null), "visit_type", BookingScenarios.type(context, "repair"),
                "visitor", staff, "planned_start", at(past, 6, 0), "planned_end", at(past, 6, 30)));
        values.put("status", "confirmed");
        RecordData late = context.records().create(VisitForms.VISIT, values);
        assertThat(kehu.extension(io.kehu.sdk.jobs.ScheduledJob.class, OverdueMarker.class).id())
                .isEqualTo("mark-overdue");
        OverdueMarker marker = new OverdueMarker(context);
        marker.mark(OffsetDateTime.now());
        RecordData marked = context.records().get(VisitForms.VISIT, late.id()).orElseThrow();
        assertThat(((OffsetDateTime) marked.get("overdue_since")).toInstant())
                .isEqualTo(at(past, 6, 30).toInstant());
        // moved to a time to come: no longer overdue
        OffsetDateTime later = at(LocalDate.now(Texts.ZONE).plusDays(30), 6, 0);
        kehu.callAsUser("manager", () -> new VisitService(context).reschedule(marked, later));
        assertThat(context.records().get(VisitForms.VISIT, late.id()).orElseThrow().get("overdue_since")).isNull();
        marker.mark(OffsetDateTime.now());
        assertThat(context.records().get(VisitForms.VISIT, late.id()).orElseThrow().get("overdue_since")).isNull();
    }
}
