package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.workflow.Workflows;
import io.kehu.platform.workflow.runtime.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Karibu tests of the workflow on the record view: the state badge, the buttons this user may use (and no others),
 * the comment dialog with the server's refusal shown in it, the conflict dialog for a stale version, and the
 * workflow history tab.
 */
class WorkflowRecordViewTest extends ScreensTest {

    @Autowired
    Workflows workflows;
    @Autowired
    TaskStore tasks;

    private static List<String> buttons() {
        return _find(Button.class).stream().map(b -> b.getId().orElse(""))
                .filter(id -> id.startsWith("transition-") && !id.equals("transition-confirm")
                        && !id.equals("transition-cancel"))
                .toList();
    }

    private static String state() {
        return _get(Span.class, spec -> spec.withId("workflow-state")).getText();
    }

    @Test
    void staffTakeANewComplaintAndResolveItWithACommentThenTheHandlerSeesNoRevisitAction() {
        Record complaint = WorkflowScreensFixture.complaint(records, staff, "冰柜噪音大 " + ScreensFixture.token());
        signIn("staff");
        UI.getCurrent().navigate("forms/feedback/" + complaint.id());
        assertThat(state()).isEqualTo("New");
        assertThat(_get(Span.class, spec -> spec.withId("workflow-sla")).getText()).startsWith("Due by ");
        assertThat(buttons()).containsExactly("transition-take");

        _click(_get(Button.class, spec -> spec.withId("transition-take")));
        assertThat(state()).isEqualTo("In progress");
        assertThat(records.get(staff, "feedback", complaint.id()).orElseThrow().get("handler"))
                .isEqualTo(staff.userId());
        assertThat(buttons()).containsExactly("transition-resolve", "transition-wait_customer");

        _click(_get(Button.class, spec -> spec.withId("transition-resolve")));
        TransitionDialog dialog = _get(TransitionDialog.class);
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));
        assertThat(dialog.isOpened()).as("refused: the comment is required").isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("transition-error")).getText())
                .isEqualTo("\"Resolve\" needs a comment");
        _setValue(_get(TextArea.class, spec -> spec.withId("transition-comment")), "已上门更换压缩机");
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));
        assertThat(dialog.isOpened()).isFalse();
        assertThat(state()).isEqualTo("Resolved, revisit due");
        assertThat(buttons()).as("the handler may not do the revisit").isEmpty();

        _get(TabSheet.class).setSelectedTab(_get(Tab.class, spec -> spec.withId("workflow-tab")));
        List<WorkflowTimeline.Line> lines = _get(WorkflowTimeline.class).lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).move()).isEqualTo("In progress → Resolved, revisit due");
        assertThat(lines.get(0).action()).isEqualTo("Resolve");
        assertThat(lines.get(0).comment()).isEqualTo("已上门更换压缩机");
        assertThat(lines.get(0).who()).isEqualTo("李强 Li Qiang");
        assertThat(lines.get(0).when()).isNotBlank();
        assertThat(lines.get(1).move()).isEqualTo("New → In progress");
        assertThat(_get(Span.class, spec -> spec.withId("workflow-timeline-count")).getText())
                .isEqualTo("2 in total");
    }

    @Test
    void someoneOtherThanTheHandlerSeesTheRevisitActions() {
        Record complaint = WorkflowScreensFixture.complaint(records, staff, "送货延误 " + ScreensFixture.token());
        Record taken = workflows.transition(staff, "feedback", complaint.id(), "take", null, complaint.rowVersion());
        workflows.transition(staff, "feedback", complaint.id(), "resolve", "已补发", taken.rowVersion());

        signIn("manager");
        UI.getCurrent().navigate("forms/feedback/" + complaint.id());
        assertThat(state()).isEqualTo("Resolved, revisit due");
        assertThat(buttons()).containsExactly("transition-revisit_ok", "transition-revisit_reopen");
    }

    @Test
    void closingTheRevisitDoesTheTaskAndTheNavigationBadgeFollowsWithoutANavigation() {
        Record complaint = WorkflowScreensFixture.complaint(records, staff, "安装延误 " + ScreensFixture.token());
        Record taken = workflows.transition(staff, "feedback", complaint.id(), "take", null, complaint.rowVersion());
        workflows.transition(staff, "feedback", complaint.id(), "resolve", "已安装", taken.rowVersion());
        // the revisit may have gone to any eligible user: give the manager one for this record for sure
        tasks.create(new TaskStore.NewTask("feedback", complaint.id(), "complaint_handling", "revisit", "resolved",
                LocalizedText.of("回访", "Revisit"), manager.userId(), Instant.now().plus(Duration.ofDays(3)),
                Instant.now(), null));
        int before = workflows.countOpenTasks(manager, false, null);
        signIn("manager");
        UI.getCurrent().navigate("forms/feedback/" + complaint.id());
        assertThat(_get(Span.class, spec -> spec.withId("nav-badge-tasks")).getText())
                .isEqualTo(String.valueOf(before));

        _click(_get(Button.class, spec -> spec.withId("transition-revisit_ok")));
        _setValue(_get(TextArea.class, spec -> spec.withId("transition-comment")), "客户满意");
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));

        assertThat(state()).isEqualTo("Revisited and closed");
        assertThat(buttons()).isEmpty();
        // closed: every field is frozen (the shipped workflow's editable: []), the save button gone, and why is said
        assertThat(readOnly("description")).isTrue();
        assertThat(readOnly("severity")).isTrue();
        assertThat(readOnly("customer")).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("record-save"))).as("no save button").isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("record-locked")).getText())
                .isEqualTo("The record is \"Revisited and closed\": it can be viewed but no longer changed.");
        int after = workflows.countOpenTasks(manager, false, null);
        assertThat(after).as("the record's revisit tasks are done").isLessThan(before);
        if (after == 0) {
            assertThat(_find(Span.class, spec -> spec.withId("nav-badge-tasks"))).isEmpty();
        } else {
            assertThat(_get(Span.class, spec -> spec.withId("nav-badge-tasks")).getText())
                    .isEqualTo(String.valueOf(after));
        }
    }

    @Test
    void aStaleVersionOpensTheConflictDialogAndMovesNothing() {
        Record complaint = WorkflowScreensFixture.complaint(records, staff, "包装破损 " + ScreensFixture.token());
        signIn("staff");
        UI.getCurrent().navigate("forms/feedback/" + complaint.id());
        records.update(manager, "feedback", complaint.id(), complaint.rowVersion(),
                Map.of("description", "包装破损，客户要求换货"));

        _click(_get(Button.class, spec -> spec.withId("transition-take")));

        assertThat(_get(ConflictDialog.class).isOpened()).isTrue();
        assertThat(_get(Paragraph.class, spec -> spec.withId("conflict-who")).getText())
                .startsWith("王芳 Wang Fang saved");
        assertThat(records.get(staff, "feedback", complaint.id()).orElseThrow().get("status")).isEqualTo("new");
        _click(_get(Button.class, spec -> spec.withId("conflict-reload")));
        assertThat(_get(TextArea.class, spec -> spec.withId("field-description")).getValue())
                .as("the view shows their version")
                .isEqualTo("包装破损，客户要求换货");
    }

    @Test
    void unsavedEditsMustBeSavedBeforeATransition() {
        Record complaint = WorkflowScreensFixture.complaint(records, staff, "服务态度 " + ScreensFixture.token());
        signIn("staff");
        UI.getCurrent().navigate("forms/feedback/" + complaint.id());
        _setValue(_get(TextArea.class, spec -> spec.withId("field-description")), "服务态度差，已致歉");

        _click(_get(Button.class, spec -> spec.withId("transition-take")));

        assertThat(records.get(staff, "feedback", complaint.id()).orElseThrow().get("status")).isEqualTo("new");
        assertThat(state()).isEqualTo("New");
    }

    @Test
    void theFieldsAStateFreezesAreReadOnlyOnTheRecordAndTheOthersStayEditable() {
        Map<String, Object> event = new java.util.HashMap<>();
        event.put("name", "会员联谊会 " + System.nanoTime());
        event.put("kind", "member_gathering");
        event.put("planned_on", java.time.LocalDate.now().plusDays(20));
        event.put("invitees", "金卡会员 30 人");
        event.put("plan", "茶话会与新品试用");
        event.put("budget", new java.math.BigDecimal(6000));
        event.put("organizer", staff.userId());
        Record draft = records.create(staff, "customer_event", event);
        Record waiting = workflows.transition(staff, "customer_event", draft.id(), "submit", null,
                draft.rowVersion());
        workflows.transition(manager, "customer_event", draft.id(), "approve", null, waiting.rowVersion());

        signIn("staff");
        UI.getCurrent().navigate("forms/customer_event/" + draft.id());

        assertThat(state()).isEqualTo("Approved, in preparation");
        // 已批准: budget and plan are fixed; where and who, the actual cost and the review are still filled in.
        assertThat(readOnly("budget")).isTrue();
        assertThat(readOnly("plan")).isTrue();
        assertThat(readOnly("name")).isTrue();
        assertThat(readOnly("location")).isFalse();
        assertThat(readOnly("invitees")).isFalse();
        assertThat(readOnly("review")).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("record-locked")).getText())
                .startsWith("The record is \"Approved, in preparation\": only these can change: ")
                .contains("Location");
        assertThat(_get(Button.class, spec -> spec.withId("record-save")).isVisible()).isTrue();
    }

    @Test
    void theStatusFieldIsReadOnlyOnTheRecordBecauseOnlyTheWorkflowsButtonsMoveIt() {
        Record complaint = WorkflowScreensFixture.complaint(records, staff, "冰柜不制冷 " + ScreensFixture.token());
        signIn("staff");
        UI.getCurrent().navigate("forms/feedback/" + complaint.id());

        assertThat(state()).isEqualTo("New");
        assertThat(readOnly("status")).as("the state moves by its buttons only").isTrue();
        assertThat(readOnly("description")).as("a state without its own editable list freezes nothing else").isFalse();
        assertThat(_find(Paragraph.class, spec -> spec.withId("record-locked"))).isEmpty();
    }

    private static boolean readOnly(String fieldId) {
        return ((com.vaadin.flow.component.HasValue<?, ?>) _get(com.vaadin.flow.component.Component.class,
                spec -> spec.withId("field-" + fieldId))).isReadOnly();
    }
}
