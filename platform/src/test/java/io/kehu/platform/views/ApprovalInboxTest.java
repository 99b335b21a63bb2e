package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.platform.records.Record;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Karibu test of 会签 through the screens: a large customer event budget gives a manager and an administrator each an
 * approval task in 我的待办; the manager opens it from the inbox and approves — the record stays 待审批 and says who
 * is still needed, the button is gone —, the administrator approves and the event is approved, with both approvals in
 * the workflow history.
 */
class ApprovalInboxTest extends ScreensTest {

    @Autowired
    Workflows workflows;

    private static List<String> buttons() {
        return _find(Button.class).stream().map(b -> b.getId().orElse(""))
                .filter(id -> id.startsWith("transition-") && !id.equals("transition-confirm")
                        && !id.equals("transition-cancel"))
                .toList();
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private static Grid<WorkflowTask> taskGrid() {
        return _get(Grid.class, spec -> spec.withId("task-grid"));
    }

    private Record largeEvent() {
        Map<String, Object> v = new HashMap<>();
        v.put("name", "大客户联谊会 " + ScreensFixture.token());
        v.put("kind", "key_customer_gathering");
        v.put("planned_on", LocalDate.now().plusDays(30));
        v.put("invitees", "年采购额前 20 的客户");
        v.put("plan", "晚宴与新品体验");
        v.put("budget", new BigDecimal(50_000));
        v.put("organizer", staff.userId());
        Record event = records.create(staff, "customer_event", v);
        return workflows.transition(staff, "customer_event", event.id(), "submit", null, event.rowVersion());
    }

    private Actor holder(WorkflowTask task) {
        return Actor.of(accounts.findById(task.assigneeId()).orElseThrow());
    }

    /** Opens {@code task} from the inbox of its assignee, as they would. */
    private void openFromInbox(WorkflowTask task) {
        KaribuSessionFor.signIn(context, accounts, holder(task));
        UI.getCurrent().navigate("tasks");
        List<WorkflowTask> rows = GridKt._fetch(taskGrid(), 0, 500);
        int row = rows.stream().map(WorkflowTask::id).toList().indexOf(task.id());
        assertThat(row).as("the approval task is in the approver's inbox").isNotNegative();
        GridKt._clickItem(taskGrid(), row);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("forms/customer_event/" + task.recordId());
    }

    private void approve(String comment) {
        _click(_get(Button.class, spec -> spec.withId("transition-approve_large")));
        _setValue(_get(TextArea.class, spec -> spec.withId("transition-comment")), comment);
        _click(_get(Button.class, spec -> spec.withId("transition-confirm")));
    }

    @Test
    void aManagerAndAnAdministratorEachApproveFromTheirInboxAndOnlyTheSecondMovesTheEvent() {
        Record event = largeEvent();
        List<WorkflowTask> seats = workflows.tasksOf(manager, "customer_event", event.id()).stream()
                .filter(t -> t.kind().equals("large_budget_approval")).toList();
        assertThat(seats).hasSize(2);
        String managerName = accounts.findById(seats.get(0).assigneeId()).orElseThrow().displayName();
        String adminName = accounts.findById(seats.get(1).assigneeId()).orElseThrow().displayName();

        openFromInbox(seats.get(0));
        assertThat(text("workflow-state")).isEqualTo("Awaiting approval");
        assertThat(buttons()).contains("transition-approve_large").doesNotContain("transition-approve");
        assertThat(text("workflow-approval-approve_large"))
                .isEqualTo("Approve large budget: 2 approval(s) needed, 0 given; waiting for: " + managerName + ", "
                        + adminName);
        approve("同意");

        assertThat(text("workflow-state")).isEqualTo("Awaiting approval");
        assertThat(buttons()).doesNotContain("transition-approve_large");
        assertThat(text("workflow-approval-approve_large"))
                .isEqualTo("Approve large budget: 2 approval(s) needed, 1 given (" + managerName + "); waiting for: "
                        + adminName);

        openFromInbox(seats.get(1));
        approve("同意，注意控制人数");
        assertThat(text("workflow-state")).isEqualTo("Approved, in preparation");
        assertThat(_find(Span.class, spec -> spec.withId("workflow-approval-approve_large"))).isEmpty();

        _get(TabSheet.class).setSelectedTab(_get(Tab.class, spec -> spec.withId("workflow-tab")));
        List<WorkflowTimeline.Line> lines = _get(WorkflowTimeline.class).lines();
        assertThat(lines).extracting(WorkflowTimeline.Line::move).containsExactly(
                "Awaiting approval → Approved, in preparation", "Approved (still \"Awaiting approval\")",
                "Approved (still \"Awaiting approval\")", "Draft → Awaiting approval");
        assertThat(lines).extracting(WorkflowTimeline.Line::comment).containsExactly(
                "同意，注意控制人数", "同意，注意控制人数", "同意", "");
    }
}
