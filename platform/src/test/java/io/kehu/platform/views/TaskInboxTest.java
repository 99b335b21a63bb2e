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
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.notifications.Notifications;
import io.kehu.platform.records.Record;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.runtime.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Karibu tests of 我的待办 (the inbox at {@code tasks}), its navigation badge and home box, and the notification bell:
 * count and empty state, overdue first, filter by kind, the team view (the manager's team only), a click opens the
 * record.
 */
class TaskInboxTest extends ScreensTest {

    @Autowired
    TaskStore tasks;
    @Autowired
    Notifications notifications;
    @Autowired
    io.kehu.platform.security.Teams teams;

    Actor user;
    Record complaint;

    @BeforeEach
    void userWithoutTasks() {
        user = WorkflowScreensFixture.admin(accounts, "收件人 Inbox Tester");
        complaint = WorkflowScreensFixture.complaint(records, staff, "质量问题 " + ScreensFixture.token());
    }

    private long task(String kind, String title, Instant due) {
        return tasks.create(new TaskStore.NewTask("feedback", complaint.id(), "complaint_handling", kind, "resolved",
                LocalizedText.of(title + "（中文）", title), user.userId(), due, Instant.now(), null));
    }

    @SuppressWarnings("unchecked")
    private static Grid<WorkflowTask> taskGrid() {
        return _get(Grid.class, spec -> spec.withId("task-grid"));
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static String path() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    @Test
    void anEmptyInboxSaysSoWithACountOfZero() {
        KaribuSessionFor.signIn(context, accounts, user);
        UI.getCurrent().navigate("tasks");

        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("tasks-title")).getText())
                .isEqualTo("My tasks");
        assertThat(text("tasks-count")).isEqualTo("0 in total");
        assertThat(_get(Paragraph.class, spec -> spec.withId("tasks-empty")).getText())
                .isEqualTo("No open tasks. Well done!");
        assertThat(_find(Grid.class, spec -> spec.withId("task-grid"))).isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("nav-badge-tasks"))).as("hidden at zero").isEmpty();
    }

    @Test
    void overdueTasksComeFirstAndAClickOpensTheRecord() {
        long later = task("revisit", "Later", Instant.now().plus(Duration.ofDays(2)));
        long undated = task("revisit", "Undated", null);
        long overdue = task("revisit", "Overdue", Instant.now().minus(Duration.ofHours(5)));
        KaribuSessionFor.signIn(context, accounts, user);
        UI.getCurrent().navigate("tasks");

        assertThat(text("tasks-count")).isEqualTo("3 in total");
        assertThat(_find(Paragraph.class, spec -> spec.withId("tasks-empty"))).isEmpty();
        List<WorkflowTask> rows = GridKt._fetch(taskGrid(), 0, 10);
        assertThat(rows).extracting(WorkflowTask::id).containsExactly(overdue, later, undated);
        assertThat(GridKt._getFormattedRow(taskGrid(), 0).get(1)).as("the record by form and title")
                .startsWith("Feedback · 质量问题");
        assertThat(taskGrid().getThemeNames()).as("long tasks and due dates wrap, not cut with …")
                .contains("wrap-cell-content");
        assertThat(taskGrid().getPartNameGenerator().apply(rows.get(0))).isEqualTo("kehu-overdue");
        assertThat(taskGrid().getPartNameGenerator().apply(rows.get(1))).isNull();
        assertThat(_get(Span.class, spec -> spec.withId("nav-badge-tasks")).getText()).isEqualTo("3");

        GridKt._clickItem(taskGrid(), 0);
        assertThat(path()).isEqualTo("forms/feedback/" + complaint.id());
    }

    @Test
    void theKindFilterAndTheHomeBox() {
        task("revisit", "Call back", Instant.now().plus(Duration.ofDays(1)));
        task("other_kind", "Something else", Instant.now().plus(Duration.ofDays(1)));
        KaribuSessionFor.signIn(context, accounts, user);
        UI.getCurrent().navigate("tasks");
        assertThat(text("tasks-count")).isEqualTo("2 in total");

        @SuppressWarnings("unchecked")
        Select<String> kind = _get(Select.class, spec -> spec.withId("tasks-kind"));
        assertThat(kind.getItemLabelGenerator().apply("revisit"))
                .isEqualTo("Call the customer back to confirm the complaint is resolved");
        _setValue(kind, "revisit");
        assertThat(text("tasks-count")).isEqualTo("1 in total");
        assertThat(GridKt._fetch(taskGrid(), 0, 10)).extracting(t -> t.title().en()).containsExactly("Call back");

        UI.getCurrent().navigate("");
        assertThat(_get(Span.class, spec -> spec.withId("box-tasks-count")).getText()).isEqualTo("2");
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withPredicate(a -> a.getId().orElse("").startsWith("box-task-"))))
                .hasSize(2);
    }

    @Test
    void aManagerSeesTheTeamsTasksWithOverdueCounts() {
        teams.assign(Actor.system("test"), user.userId(), manager.userId());
        task("revisit", "Overdue for the team view", Instant.now().minus(Duration.ofDays(1)));
        Actor outsider = WorkflowScreensFixture.admin(accounts, "团队外 Outsider");
        long notTheirs = tasks.create(new TaskStore.NewTask("feedback", complaint.id(), "complaint_handling",
                "revisit", "resolved", LocalizedText.of("别的团队", "Another team's"), outsider.userId(), null,
                Instant.now(), null));
        signIn("manager");
        UI.getCurrent().navigate("tasks");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> scope = _get(RadioButtonGroup.class, spec -> spec.withId("tasks-scope"));
        _setValue(scope, true);
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("tasks-title")).getText())
                .isEqualTo("Team tasks");
        assertThat(_get(Div.class, spec -> spec.withId("tasks-workload-" + user.userId())).getText())
                .isEqualTo("收件人 Inbox Tester: 1 open, 1 overdue");
        assertThat(GridKt._fetch(taskGrid(), 0, 500)).extracting(WorkflowTask::assigneeId).contains(user.userId())
                .doesNotContain(outsider.userId());
        assertThat(GridKt._fetch(taskGrid(), 0, 500)).extracting(WorkflowTask::id).doesNotContain(notTheirs);
        assertThat(_find(Div.class, spec -> spec.withId("tasks-workload-" + outsider.userId())))
                .as("only the manager's team").isEmpty();
    }

    @Test
    void staffHaveNoTeamSwitch() {
        signIn("staff");
        UI.getCurrent().navigate("tasks");
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withId("tasks-scope"))).isEmpty();
    }

    @Test
    void theBellCountsUnreadAndOpeningANotificationOpensItsRecordAndMarksItRead() {
        long id = notifications.notify(user.userId(), "task", LocalizedText.of("您有新的待办：回访", "New task for you: revisit"),
                "feedback", complaint.id());
        notifications.notify(user.userId(), "task", LocalizedText.of("第二条", "Second"), null, null);
        KaribuSessionFor.signIn(context, accounts, user);
        UI.getCurrent().navigate("tasks");
        assertThat(text("notification-count")).isEqualTo("2");

        _click(_get(Button.class, spec -> spec.withId("notification-bell-button")));
        assertThat(text("notification-unread")).isEqualTo("2 unread");
        _click(_get(Div.class, spec -> spec.withId("notification-" + id)));

        assertThat(path()).isEqualTo("forms/feedback/" + complaint.id());
        assertThat(notifications.unreadCount(user.userId())).isEqualTo(1);
        assertThat(text("notification-count")).isEqualTo("1");

        _click(_get(Button.class, spec -> spec.withId("notification-bell-button")));
        _click(_get(Button.class, spec -> spec.withId("notification-mark-all")));
        assertThat(notifications.unreadCount(user.userId())).isZero();
        assertThat(_find(Span.class, spec -> spec.withId("notification-count"))).as("hidden at zero").isEmpty();
    }

    @Test
    void onAPhoneATaskCardCallsTheComplaintsCustomerWithABigTarget() {
        long id = task("revisit", "Call back", Instant.now().plus(Duration.ofDays(1)));
        Record customer = records.get(staff, "customer", ((Number) complaint.get("customer")).longValue())
                .orElseThrow();
        KaribuSessionFor.signIn(context, accounts, user);
        UI.getCurrent().navigate("tasks");
        com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip(false);
        ScreenWidth.reported(UI.getCurrent(), 390);
        assertThat(_find(Grid.class, spec -> spec.withId("task-grid"))).as("cards on a phone").isEmpty();
        _get(com.vaadin.flow.component.virtuallist.VirtualList.class, spec -> spec.withId("task-cards"));

        WorkflowTask shown = tasks.open(user.userId(), 0, 50).stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow();
        com.vaadin.flow.component.Component card = _get(TaskInboxView.class).card(shown);
        UI.getCurrent().add(card);
        com.vaadin.flow.component.html.Anchor call = _get(com.vaadin.flow.component.html.Anchor.class,
                spec -> spec.withId("task-call-" + id));
        assertThat(call.getHref()).isEqualTo("tel:" + customer.get("phone"));
        assertThat(call.getElement().getTextRecursively()).contains(customer.get("phone").toString());
        // the link sits in the cards' contact row (44 px high links, kehu.css), outside the text that opens the record
        assertThat(call.getParent().orElseThrow().getClassNames()).contains("kehu-card-contacts");
        assertThat(call.getClassNames()).contains("kehu-contact-link");
        _click((Div) card.getChildren().findFirst().orElseThrow());
        assertThat(path()).isEqualTo("forms/feedback/" + complaint.id());
    }
}
