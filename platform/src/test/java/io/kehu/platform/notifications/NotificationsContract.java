package io.kehu.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.WorkflowNotice;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/**
 * In-app notifications on a real database: sent, counted, listed newest first, marked read one by one or all at once
 * — each user only their own — and sent by the workflow when a transition gives someone a task, in the same
 * transaction. Test users are ADMIN only, so they never become the assignee of other tests' workflow tasks.
 */
abstract class NotificationsContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @Autowired
    Notifications notifications;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Records records;
    @Autowired
    Workflows workflows;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;
    @Autowired
    ApplicationEventPublisher springEvents;

    long alice;
    long bob;

    @BeforeEach
    void twoUsers() {
        alice = user("通知甲");
        bob = user("通知乙");
    }

    private long user(String name) {
        String username = "notify" + SEQUENCE.incrementAndGet();
        return accounts.create(username, name, "pw-" + username + "-Long1", Set.of(Role.ADMIN)).id();
    }

    @Test
    void aNotificationIsCountedListedAndReadOnlyByItsUser() {
        long first = notifications.notify(alice, "task", LocalizedText.of("您有新的待办：回访", "New task for you: revisit"),
                "feedback", 42L);
        long second = notifications.notify(alice, "info", LocalizedText.of("系统维护", "Maintenance"), null, null);

        assertThat(notifications.unreadCount(alice)).isEqualTo(2);
        assertThat(notifications.unreadCount(bob)).isZero();
        List<Notification> newest = notifications.recent(alice, 10);
        assertThat(newest).extracting(Notification::id).containsExactly(second, first);
        Notification task = newest.get(1);
        assertThat(task.title().zh()).isEqualTo("您有新的待办：回访");
        assertThat(task.title().en()).isEqualTo("New task for you: revisit");
        assertThat(task.recordPath()).isEqualTo("forms/feedback/42");
        assertThat(task.unread()).isTrue();
        assertThat(newest.get(0).recordPath()).isNull();
        assertThat(notifications.recent(bob, 10)).isEmpty();

        assertThat(notifications.markRead(bob, first)).as("not bob's").isFalse();
        assertThat(notifications.unreadCount(alice)).isEqualTo(2);
        assertThat(notifications.markRead(alice, first)).isTrue();
        assertThat(notifications.markRead(alice, first)).as("already read").isFalse();
        assertThat(notifications.unreadCount(alice)).isEqualTo(1);
        assertThat(notifications.recent(alice, 10).get(1).readAt()).isNotNull();
    }

    @Test
    void markAllReadClearsOnlyThatUsersCount() {
        for (int i = 0; i < 3; i++) {
            notifications.notify(alice, "task", LocalizedText.of("待办 " + i, "Task " + i), null, null);
        }
        notifications.notify(bob, "task", LocalizedText.of("待办", "Task"), null, null);

        assertThat(notifications.markAllRead(alice)).isEqualTo(3);
        assertThat(notifications.unreadCount(alice)).isZero();
        assertThat(notifications.recent(alice, 10)).hasSize(3).allSatisfy(n -> assertThat(n.unread()).isFalse());
        assertThat(notifications.unreadCount(bob)).isEqualTo(1);
        assertThat(notifications.markAllRead(alice)).isZero();
    }

    @Test
    void theListIsCappedAndLongTitlesAreCut() {
        notifications.notify(alice, "task", LocalizedText.of("长".repeat(1000), "x".repeat(1000)), null, null);
        Notification cut = notifications.recent(alice, 1).getFirst();
        assertThat(cut.title().zh()).hasSize(400).endsWith("…");
        assertThat(cut.title().en()).hasSize(400);
        for (int i = 0; i < Notifications.MAX_LIST + 5; i++) {
            notifications.notify(bob, "task", LocalizedText.of("待办", "Task"), null, null);
        }
        assertThat(notifications.recent(bob, 1000)).hasSize(Notifications.MAX_LIST);
        assertThat(notifications.unreadCount(bob)).isEqualTo(Notifications.MAX_LIST + 5);
    }

    @Test
    void aMissedDeadlineOrAMessageReachesEveryRecipientWithItsOwnWords() {
        LocalizedText missed = LocalizedText.of("已超时：记录停留在“处理中”已超过处理时限",
                "Overdue: the record has been \"In progress\" longer than allowed");
        springEvents.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.DEADLINE_MISSED, "feedback", 424_242L,
                "complaint_handling", Set.of(alice, bob), missed));
        springEvents.publishEvent(new WorkflowNotice(WorkflowNotice.Kind.MESSAGE, "customer", 434_343L,
                "plugin:churn", Set.of(bob), LocalizedText.of("客户流失风险升高", "Churn risk went up")));

        assertThat(notifications.recent(alice, Notifications.MAX_LIST)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("deadline");
            assertThat(n.title()).isEqualTo(missed);
            assertThat(n.recordId()).isEqualTo(424_242L);
        });
        assertThat(notifications.recent(bob, Notifications.MAX_LIST)).extracting(Notification::kind)
                .containsExactlyInAnyOrder("deadline", "message");
    }

    @Test
    void aTaskGivenByATransitionNotifiesItsAssigneeAboutTheRecord() {
        if (forms.published("feedback").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "notification tests");
        }
        Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        Map<String, Object> c = new HashMap<>();
        c.put("name", "通知测试客户" + SEQUENCE.incrementAndGet());
        c.put("customer_type", "company");
        c.put("phone", String.format("137%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        c.put("account_manager", staff.userId());
        long customer = records.create(staff, "customer", c).id();
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer);
        v.put("feedback_type", "complaint");
        v.put("severity", "high");
        v.put("description", "送货延误 " + SEQUENCE.incrementAndGet());
        v.put("received_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0));
        Record logged = records.create(staff, "feedback", v);
        Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        workflows.transition(staff, "feedback", logged.id(), "resolve", "已补发", taken.rowVersion());

        WorkflowTask revisit = workflows.tasksOf(Actor.of(accounts.findByUsername("manager").orElseThrow()), "feedback", logged.id()).getFirst();
        List<Notification> told = notifications.recent(revisit.assigneeId(), Notifications.MAX_LIST).stream()
                .filter(n -> logged.id() == (n.recordId() == null ? -1 : n.recordId())).toList();
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("task");
            assertThat(n.formId()).isEqualTo("feedback");
            assertThat(n.title().zh()).isEqualTo("您有新的待办：回访客户，确认投诉已解决");
            assertThat(n.title().en()).isEqualTo(
                    "New task for you: Call the customer back to confirm the complaint is resolved");
            assertThat(n.unread()).isTrue();
        });
        assertThat(notifications.recent(staff.userId(), Notifications.MAX_LIST))
                .as("the handler is not the one told").noneMatch(n -> n.recordId() != null
                        && n.recordId() == logged.id());
    }
}
