package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.records.Record;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import io.kehu.platform.workflow.runtime.TaskStore;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Karibu test of 转交 in 我的待办, in Chinese: the dialog offers only the people eligible for the task (never the
 * complaint's handler for its revisit), asks for someone before 确定, and hands the task on with the reason.
 */
class TaskHandOffDialogTest extends ScreensTest {

    @Autowired
    TaskStore tasks;
    @Autowired
    Workflows workflows;
    @Autowired
    io.kehu.platform.security.Teams teams;

    @Test
    @SuppressWarnings("unchecked")
    void theAssigneeHandsARevisitToAnEligibleColleagueNeverToTheHandler() {
        Actor user = WorkflowScreensFixture.admin(accounts, "转交人 Hand-off Tester");
        Record logged = WorkflowScreensFixture.complaint(records, staff, "包装破损 " + ScreensFixture.token());
        workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        long revisit = tasks.create(new TaskStore.NewTask("feedback", logged.id(), "complaint_handling", "revisit",
                "in_progress", LocalizedText.of("回访客户", "Call the customer back"), user.userId(),
                Instant.now().plus(Duration.ofDays(1)), Instant.now(), null));
        KaribuSessionFor.signIn(context, accounts, user);
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate("tasks");

        Grid<WorkflowTask> grid = _get(Grid.class, spec -> spec.withId("task-grid"));
        assertThat(GridKt._fetch(grid, 0, 10)).extracting(WorkflowTask::id).containsExactly(revisit);
        Button handOff = (Button) GridKt._getCellComponent(grid, 0, "handOff");
        assertThat(handOff.getText()).isEqualTo("转交");
        _click(handOff);

        TaskHandOffDialog dialog = _get(TaskHandOffDialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("转交待办：回访客户");
        ComboBox<UserAccount> to = _get(ComboBox.class, spec -> spec.withId("task-handoff-to"));
        assertThat(to.getLabel()).isEqualTo("转交给");
        assertThat(_get(TextArea.class, spec -> spec.withId("task-handoff-reason")).getLabel()).isEqualTo("原因（选填）");
        assertThat(to.getListDataView().getItems().map(UserAccount::id).toList())
                .as("the manager may do the revisit; the handler (staff) and the assignee may not")
                .contains(manager.userId()).doesNotContain(staff.userId(), user.userId());
        assertThat(to.getItemLabelGenerator().apply(accounts.findById(manager.userId()).orElseThrow()))
                .isEqualTo("王芳 Wang Fang");
        assertThat(_get(Button.class, spec -> spec.withId("task-handoff-cancel")).getText()).isEqualTo("取消");

        Button ok = _get(Button.class, spec -> spec.withId("task-handoff-ok"));
        assertThat(ok.getText()).isEqualTo("确定");
        _click(ok);
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("请选择接手的人员");

        _setValue(to, accounts.findById(manager.userId()).orElseThrow());
        _setValue(_get(TextArea.class, spec -> spec.withId("task-handoff-reason")), "本周出差");
        _click(ok);

        NotificationsKt.expectNotifications("已转交给“王芳 Wang Fang”");
        assertThat(_find(TaskHandOffDialog.class)).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withId("tasks-empty")).getText()).isEqualTo("没有待办事项，做得好！");
        assertThat(workflows.task(manager, revisit)).map(t -> t.task().assigneeId()).contains(manager.userId());
        assertThat(workflows.taskHandOffs(manager, "feedback", logged.id())).singleElement()
                .satisfies(h -> assertThat(h.reason()).isEqualTo("本周出差"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerReassignsATeamMembersTaskFromTheTeamView() {
        Actor member = WorkflowScreensFixture.admin(accounts, "组员 Team Member");
        teams.assign(Actor.system("test"), member.userId(), manager.userId());
        Record logged = WorkflowScreensFixture.complaint(records, staff, "安装延误 " + ScreensFixture.token());
        long task = tasks.create(new TaskStore.NewTask("feedback", logged.id(), "complaint_handling", "revisit",
                "new", LocalizedText.of("跟进安装", "Follow up the installation"), member.userId(), null,
                Instant.now(), null));
        signIn("manager");
        UI.getCurrent().setLocale(Languages.CHINESE);
        UI.getCurrent().navigate("tasks");
        _setValue(_get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class,
                spec -> spec.withId("tasks-scope")), true);

        Grid<WorkflowTask> grid = _get(Grid.class, spec -> spec.withId("task-grid"));
        java.util.List<WorkflowTask> rows = GridKt._fetch(grid, 0, 500);
        int row = rows.stream().map(WorkflowTask::id).toList().indexOf(task);
        assertThat(row).isNotNegative();
        _click((Button) GridKt._getCellComponent(grid, row, "handOff"));
        ComboBox<UserAccount> to = _get(ComboBox.class, spec -> spec.withId("task-handoff-to"));
        assertThat(to.getListDataView().getItems().map(UserAccount::id).toList()).contains(manager.userId())
                .doesNotContain(member.userId());
        _setValue(to, accounts.findById(manager.userId()).orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("task-handoff-ok")));

        assertThat(workflows.openTasks(manager, 0, 500)).extracting(WorkflowTask::id).contains(task);
        assertThat(workflows.openTasks(member, 0, 500)).extracting(WorkflowTask::id).doesNotContain(task);
        assertThat(workflows.taskHandOffs(manager, "feedback", logged.id())).singleElement()
                .satisfies(h -> assertThat(h.actedBy()).isEqualTo(manager.userId()));
    }
}
