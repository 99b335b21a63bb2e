package io.kehu.plugins.visits;

import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.freshDay;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog, the state flow, sign-off and cadence planning through the real host (H2). */
@KehuPluginTest
class VisitFlowTest {

    @Test
    void shipsSixVisitTypesAndTheCodeOfConductAsClosingList(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        List<RecordData> types = VisitCatalog.of(context).types();
        assertThat(types).extracting(t -> t.get("kind")).contains("installation", "repair", "maintenance",
                "inspection", "complaint", "relationship");
        List<RecordData> closing = context.records().search(VisitForms.ITEM)
                .where("list_kind", FilterOperator.EQUALS, "closing").limit(100).list();
        assertThat(closing).extracting(c -> c.get("item")).anyMatch(t -> t.toString().contains("现金"))
                .anyMatch(t -> t.toString().contains("未经客户允许"));
        // admins edit the catalog as records; staff may not
        assertThatThrownBy(() -> kehu.recordsAs("staff").create(VisitForms.TYPE,
                Map.of("name", "员工自建", "kind", "repair", "duration_minutes", 30L)))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.DENIED));
        long own = kehu.recordsAs("admin").create(VisitForms.TYPE,
                Map.of("name", "燃气表更换", "kind", "installation", "duration_minutes", 30L)).id();
        kehu.recordsAs("admin").create(VisitForms.ITEM, Map.of("list_kind", "work", "visit_type", own,
                "position", 10L, "item", "关闭总阀", "required", true, "photo_required", true));
        assertThat(VisitCatalog.of(context).checklist(own)).extracting(VisitCatalog.Line::item)
                .startsWith("关闭总阀").hasSize(1 + ShippedCatalog.CODE_OF_CONDUCT.size());
    }

    @Test
    void aVisitMovesOnlyAlongItsStatesAndSignsOffWhenEveryRequiredItemIsAnswered(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long staff = user(context, "staff");
        RecordData visit = book(context, customer(context, "流程客户", null), "inspection", staff,
                at(freshDay(), 9, 0));
        assertThatThrownBy(() -> context.records().update(VisitForms.VISIT, visit.id(), visit.rowVersion(),
                Map.of("status", "signed_off")))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED))
                .hasMessageContaining("cannot go from");
        String[] steps = {"confirmed", "on_site"};
        RecordData current = visit;
        for (String step : steps) {
            current = context.records().update(VisitForms.VISIT, current.id(), current.rowVersion(),
                    Map.of("status", step));
        }
        RecordData onSite = current;
        VisitService service = kehu.callAsUser("staff", () -> new VisitService(context));
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.signOff(onSite, "王先生", "M1,1 L20,20")))
                .isInstanceOf(RecordException.class).hasMessageContaining("required checklist items are still open");
        List<RecordData> checks = kehu.callAsUser("staff", () -> service.checks(onSite.id()));
        assertThat(checks).hasSize(2 + ShippedCatalog.CODE_OF_CONDUCT.size());
        // a problem needs its note
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.answer(checks.getFirst(), "problem", null)))
                .isInstanceOf(RecordException.class);
        for (RecordData check : checks) {
            String result = check.equals(checks.getFirst()) ? "problem" : "done";
            kehu.callAsUser("staff", () -> service.answer(check, result, "problem".equals(result) ? "外壳有裂纹" : null));
        }
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.signOff(service.visit(onSite.id()), "王先生",
                "")))
                .isInstanceOf(RecordException.class).hasMessageContaining("signer");
        RecordData signed = kehu.callAsUser("staff",
                () -> service.signOff(service.visit(onSite.id()), "王先生", "M10,10 L20,25 L30,40 M50,50 L60,60"));
        assertThat(signed.get("status")).isEqualTo("signed_off");
        assertThat(signed.get("signer_name")).isEqualTo("王先生");
        assertThat(signed.get("signature")).isEqualTo("M10,10 L20,25 L30,40 M50,50 L60,60");
        assertThat(signed.get("signed_at")).isInstanceOf(OffsetDateTime.class);
        // the answers are frozen now, and so is the signature
        RecordData answered = kehu.callAsUser("staff", () -> service.checks(onSite.id())).get(1);
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.answer(answered, "not_needed", null)))
                .isInstanceOf(RecordException.class).hasMessageContaining("cannot change");
        assertThatThrownBy(() -> context.records().update(VisitForms.VISIT, signed.id(), signed.rowVersion(),
                Map.of("signer_name", "别人")))
                .isInstanceOf(RecordException.class).hasMessageContaining("signed-off");
    }

    @Test
    void aVisitCreatedInTheRecordViewGetsItsChecklistToo(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        long customer = customer(context, "表单客户", null);
        OffsetDateTime start = at(freshDay(), 13, 30);
        long visit = kehu.recordsAs("manager").create(VisitForms.VISIT, Map.of("subject", "手工表单上门",
                "customer", customer, "visit_type", BookingScenarios.type(context, "maintenance"),
                "planned_start", start, "planned_end", start.plusHours(1))).id();
        List<RecordData> checks = List.of();
        for (int i = 0; i < 50 && checks.isEmpty(); i++) { // afterSave runs once the create is committed
            Thread.sleep(100);
            checks = context.records().search(VisitForms.CHECK).where("visit", FilterOperator.EQUALS, visit)
                    .limit(100).list();
        }
        assertThat(checks).hasSize(3 + ShippedCatalog.CODE_OF_CONDUCT.size());
    }

    @Test
    void keyCustomersGetAMonthlyVisitOnceFromTheCadence(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long manager = user(context, "manager");
        long key = context.records().create("customer", Map.of("name", "定期大客户", "level", "KEY",
                "account_manager", manager, "phone", "13600001111", "address", "北京市朝阳区建国路 1 号")).id();
        LocalDate today = LocalDate.now(Texts.ZONE);
        CadencePlanner.Outcome first = new CadencePlanner(context).plan(today);
        assertThat(first.booked()).isPositive();
        List<RecordData> visits = context.records().search(VisitForms.VISIT)
                .where("customer", FilterOperator.EQUALS, key).list();
        assertThat(visits).hasSize(1);
        RecordData visit = visits.getFirst();
        assertThat(visit.get("origin")).isEqualTo("cadence");
        assertThat(visit.get("visitor")).isEqualTo(manager);
        assertThat(visit.get("address")).isEqualTo("北京市朝阳区建国路 1 号");
        assertThat(((OffsetDateTime) visit.get("planned_start")).atZoneSameInstant(Texts.ZONE).toLocalDate())
                .isAfter(today);
        // a second run books nothing more for this customer
        new CadencePlanner(context).plan(today);
        assertThat(context.records().search(VisitForms.VISIT).where("customer", FilterOperator.EQUALS, key).list())
                .hasSize(1);
    }

    @Test
    void strokesAreThinnedToFitAndAnythingElseIsRefused() {
        StringBuilder path = new StringBuilder("M0,0");
        for (int i = 1; i < 3000; i++) {
            path.append(" L").append(i % 340).append(',').append(i % 180);
        }
        String fitted = Strokes.fit(path.toString(), 10000);
        assertThat(fitted).startsWith("M0,0").hasSizeLessThanOrEqualTo(10000);
        assertThat(Strokes.fit("<script>alert(1)</script>", 10000)).isEmpty();
        assertThat(Strokes.fit("L1,1", 10000)).isEmpty();
    }
}
