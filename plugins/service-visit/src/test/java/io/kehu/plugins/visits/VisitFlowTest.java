package io.kehu.plugins.visits;

import static io.kehu.plugins.visits.BookingScenarios.at;
import static io.kehu.plugins.visits.BookingScenarios.book;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.freshDay;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.files.FileRefusedException;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.workflows.StepInfo;
import io.kehu.sdk.workflows.TaskInfo;
import io.kehu.sdk.workflows.WorkflowInfo;
import io.kehu.sdk.workflows.WorkflowRefusedException;
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
        // the status moves only through the visit's workflow, whatever the path
        assertThatThrownBy(() -> context.records().update(VisitForms.VISIT, visit.id(), visit.rowVersion(),
                Map.of("status", "confirmed")))
                .isInstanceOf(RecordException.class).hasMessageContaining("changes only through the workflow");
        assertThatThrownBy(() -> context.workflows().transition(VisitForms.VISIT, visit.id(), VisitSteps.SIGN_OFF,
                null, visit.rowVersion()))
                .isInstanceOfSatisfying(WorkflowRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("WRONG_STATE"));
        // the visitor may confirm or cancel a booked visit (the workflow's "who may act": owner, managers, admins)
        assertThat(kehu.callAsUser("staff", () -> context.workflows().allowedTransitions(VisitForms.VISIT,
                visit.id()))).extracting(WorkflowInfo.TransitionInfo::id)
                .containsExactly(VisitSteps.CONFIRM, VisitSteps.CANCEL);
        RecordData current = kehu.callAsUser("staff",
                () -> new VisitService(context).move(visit, VisitSteps.CONFIRM));
        current = kehu.callAsUser("staff", () -> new VisitService(context).move(
                new VisitService(context).visit(visit.id()), VisitSteps.CHECK_IN));
        assertThat(current.get("status")).isEqualTo("on_site");
        assertThat(current.get("checked_in_at")).isInstanceOf(OffsetDateTime.class);
        assertThat(current.get("on_time")).isEqualTo(true); // checked in before the booked start (a future day)
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
        // the workflow's sign-off needs the signature: refused, and the signer's name is not kept either
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.signOff(service.visit(onSite.id()), "王先生",
                "")))
                .isInstanceOfSatisfying(WorkflowRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo("FIELDS_MISSING"));
        assertThat(context.records().get(VisitForms.VISIT, onSite.id()).orElseThrow().get("signer_name")).isNull();
        RecordData signed = kehu.callAsUser("staff",
                () -> service.signOff(service.visit(onSite.id()), "王先生", "M10,10 L20,25 L30,40 M50,50 L60,60"));
        assertThat(signed.get("status")).isEqualTo("signed_off");
        assertThat(signed.get("signer_name")).isEqualTo("王先生");
        assertThat(signed.get("signature")).isEqualTo("M10,10 L20,25 L30,40 M50,50 L60,60");
        assertThat(signed.get("signed_at")).isInstanceOf(OffsetDateTime.class);
        // the signature is bound to the SHA-256 of the content at signing, which the visit still matches
        String hash = (String) signed.get("content_hash");
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(VisitHash.now(context, signed, kehu.callAsUser("staff", () -> service.checks(signed.id()))))
                .isEqualTo(hash);
        assertThat(VisitScreen.hash(context, signed, java.util.Locale.SIMPLIFIED_CHINESE).getText())
                .contains("与签字时一致").contains(hash);
        // the history shows each step, who took it and when
        List<StepInfo> history = context.workflows().history(VisitForms.VISIT, signed.id());
        assertThat(history).extracting(StepInfo::transition)
                .containsExactly(VisitSteps.CONFIRM, VisitSteps.CHECK_IN, VisitSteps.SIGN_OFF);
        assertThat(history).extracting(StepInfo::actedBy).containsOnly("staff");
        assertThat(history.getLast().to()).isEqualTo("signed_off");
        // the answers are frozen now, and so is the signature
        RecordData answered = kehu.callAsUser("staff", () -> service.checks(onSite.id())).get(1);
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.answer(answered, "not_needed", null)))
                .isInstanceOf(RecordException.class).hasMessageContaining("cannot change");
        assertThatThrownBy(() -> context.records().update(VisitForms.VISIT, signed.id(), signed.rowVersion(),
                Map.of("signer_name", "别人")))
                .isInstanceOf(RecordException.class).hasMessageContaining("signed-off");
    }

    @Test
    void aLineThatAsksForAPhotoNeedsOneAtSignOffAndPhotosAreCheckedAndCompressed(KehuTestHost kehu)
            throws Exception {
        PluginContext context = kehu.context();
        RecordData visit = book(context, customer(context, "照片客户", null), "repair", user(context, "staff"),
                at(freshDay(), 13, 30));
        for (String step : List.of(VisitSteps.CONFIRM, VisitSteps.CHECK_IN)) {
            RecordData now = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
            context.workflows().transition(VisitForms.VISIT, visit.id(), step, null, now.rowVersion());
        }
        VisitService service = kehu.callAsUser("staff", () -> new VisitService(context));
        for (RecordData check : kehu.callAsUser("staff", () -> service.checks(visit.id()))) {
            kehu.callAsUser("staff", () -> service.answer(check, "done", null));
        }
        RecordData line = kehu.callAsUser("staff", () -> service.checks(visit.id())).stream()
                .filter(c -> Boolean.TRUE.equals(c.get("photo_required"))).findFirst().orElseThrow();
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.signOff(service.visit(visit.id()), "赵先生",
                "M1,1 L9,9")))
                .isInstanceOf(RecordException.class).hasMessageContaining("need a photo");
        // bad files: not a picture whatever its name, empty, too large; nothing is kept
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.addPhoto(line, "a.jpg",
                "GIF89a....".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
                .isInstanceOfSatisfying(FileRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FileRefusedException.Reason.NOT_AN_IMAGE));
        byte[] truncated = java.util.Arrays.copyOf(Photos.jpeg(400, 300), 40);
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.addPhoto(line, "cut.jpg", truncated)))
                .isInstanceOfSatisfying(FileRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FileRefusedException.Reason.NOT_AN_IMAGE));
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.addPhoto(line, "e.png", new byte[0])))
                .isInstanceOfSatisfying(FileRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FileRefusedException.Reason.EMPTY));
        byte[] huge = new byte[(int) VisitService.PHOTO_MAX_INPUT + 1];
        huge[0] = (byte) 0xff;
        huge[1] = (byte) 0xd8;
        huge[2] = (byte) 0xff;
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.addPhoto(line, "big.jpg", huge)))
                .isInstanceOfSatisfying(FileRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FileRefusedException.Reason.TOO_LARGE);
                    assertThat(e.text().zh()).contains("照片太大");
                });
        assertThat(service.photos(line.id())).isEmpty();
        // nobody types the count
        assertThatThrownBy(() -> context.records().update(VisitForms.CHECK, line.id(), line.rowVersion(),
                Map.of("photos", 3L))).isInstanceOf(RecordException.class).hasMessageContaining("photo count");
        // a camera-sized PNG is kept as a JPEG of at most 1,600 pixels, counted on the line
        byte[] png = Photos.png(3200, 2400);
        RecordData counted = kehu.callAsUser("staff", () -> service.addPhoto(line, "IMG_0001.png", png));
        assertThat(counted.get("photos")).isEqualTo(1L);
        FileInfo stored = service.photos(line.id()).getFirst();
        assertThat(stored.fileName()).isEqualTo("IMG_0001.jpg");
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(stored.createdBy()).isEqualTo("staff");
        byte[] kept = context.files().content(stored.id()).orElseThrow();
        assertThat(kept.length).isEqualTo(stored.size()).isLessThan(png.length);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(kept));
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(1200);
        assertThat(stored.sha256()).hasSize(64);

        RecordData signed = kehu.callAsUser("staff", () -> service.signOff(service.visit(visit.id()), "赵先生",
                "M1,1 L9,9"));
        assertThat(signed.get("status")).isEqualTo("signed_off");
        // a signed-off visit's lines take no more photos, and no file is left behind
        RecordData after = context.records().get(VisitForms.CHECK, line.id()).orElseThrow();
        assertThatThrownBy(() -> kehu.callAsUser("staff", () -> service.addPhoto(after, "late.jpg",
                Photos.jpeg(200, 100)))).isInstanceOf(RecordException.class).hasMessageContaining("cannot change");
        assertThat(service.photos(line.id())).hasSize(1);
    }

    @Test
    void aChangeBehindTheRulesBackMarksTheVisitChangedAfterSigning(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        RecordData visit = book(context, customer(context, "哈希客户", null), "inspection", user(context, "staff"),
                at(freshDay(), 15, 0));
        for (String step : List.of(VisitSteps.CONFIRM, VisitSteps.CHECK_IN)) {
            RecordData now = context.records().get(VisitForms.VISIT, visit.id()).orElseThrow();
            context.workflows().transition(VisitForms.VISIT, visit.id(), step, null, now.rowVersion());
        }
        VisitService service = kehu.callAsUser("staff", () -> new VisitService(context));
        for (RecordData check : kehu.callAsUser("staff", () -> service.checks(visit.id()))) {
            kehu.callAsUser("staff", () -> service.answer(check, "done", null));
        }
        RecordData signed = kehu.callAsUser("staff", () -> service.signOff(service.visit(visit.id()), "钱女士",
                "M3,3 L30,30"));
        RecordData line = kehu.callAsUser("staff", () -> service.checks(visit.id())).getFirst();
        // with the plugin's rules away (disabled), an answer of the signed visit is changed in the record view
        kehu.disablePlugin();
        try {
            kehu.recordsAs("admin").update(VisitForms.CHECK, line.id(), line.rowVersion(), Map.of("note", "签字后补写"));
        } finally {
            kehu.enablePlugin();
        }
        PluginContext again = kehu.context();
        RecordData now = again.records().get(VisitForms.VISIT, signed.id()).orElseThrow();
        List<RecordData> checks = kehu.callAsUser("staff", () -> new VisitService(again).checks(signed.id()));
        assertThat(VisitHash.now(again, now, checks)).isNotEqualTo(signed.get("content_hash"));
        assertThat(VisitScreen.hash(again, now, java.util.Locale.SIMPLIFIED_CHINESE).getText())
                .contains("签字后内容已被修改").contains((String) signed.get("content_hash"));
    }

    @Test
    void aLowScoreStartsARevisitBySomeoneOtherThanTheVisitor(KehuTestHost kehu) throws Exception {
        PluginContext context = kehu.context();
        long customer = customer(context, "差评客户", null);
        RecordData byManager = book(context, customer, "inspection", user(context, "manager"), at(freshDay(), 9, 0));
        RecordData byStaff = book(context, customer, "inspection", user(context, "staff"), at(freshDay(), 9, 0));
        RecordData liked = book(context, customer, "inspection", user(context, "staff"), at(freshDay(), 11, 0));
        for (Object[] card : new Object[][] {{byManager, 1L}, {byStaff, 2L}, {liked, 4L}}) {
            RecordData visit = (RecordData) card[0];
            context.records().create(VisitForms.FEEDBACK, Map.of("visit", visit.id(), "customer", customer,
                    "rating", card[1], "submitted_at", OffsetDateTime.now(), "source", "visit_card"));
        }
        List<TaskInfo> staffRevisit = List.of();
        for (int i = 0; i < 50 && staffRevisit.isEmpty(); i++) { // afterSave runs once the card is committed
            Thread.sleep(100);
            staffRevisit = context.workflows().openTasks(VisitForms.VISIT, byStaff.id());
        }
        assertThat(staffRevisit).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(LowScoreRevisit.KIND);
            assertThat(t.assignee()).isEqualTo("manager");
            assertThat(t.title().zh()).contains("2 星").contains("非上门人员");
        });
        // the manager's own visit goes to an administrator; a good score starts nothing
        assertThat(context.workflows().openTasks(VisitForms.VISIT, byManager.id()))
                .extracting(TaskInfo::assignee).containsExactly("admin");
        assertThat(context.workflows().openTasks(VisitForms.VISIT, liked.id())).isEmpty();
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
