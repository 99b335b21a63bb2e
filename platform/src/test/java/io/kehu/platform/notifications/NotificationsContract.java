package io.kehu.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.notifications.mail.MailNotices;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.WorkflowNotice;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

    @Autowired
    MailNotices mailNotices;
    @Autowired
    NotificationMails mails;
    @Autowired
    JavaMailSender mailSender;

    /** A real SMTP server for the notice mails, on a free port, for the whole JVM. */
    static final GreenMail SMTP = smtp();

    private static GreenMail smtp() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("kehu.public-url", () -> "https://crm.example.cn");
    }

    long alice;
    long bob;

    @BeforeEach
    void twoUsers() {
        alice = user("通知甲");
        bob = user("通知乙");
    }

    private long user(String name) {
        return account(name).id();
    }

    private UserAccount account(String name) {
        String username = "notify" + SEQUENCE.incrementAndGet();
        return accounts.create(username, name, "pw-" + username + "-Long1", Set.of(Role.ADMIN));
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aNoticeIsMailedOnceInTheUsersLanguageOnlyToThoseWhoAskedForIt() throws Exception {
        String aliceMail = "alice" + SEQUENCE.incrementAndGet() + "@kehu.test";
        String bobMail = "bob" + SEQUENCE.incrementAndGet() + "@kehu.test";
        UserAccount carol = account("通知丙");
        String carolMail = "carol" + SEQUENCE.incrementAndGet() + "@kehu.test";
        accounts.saveMailSettings(alice, aliceMail, true);
        accounts.saveMailSettings(bob, bobMail, false);
        accounts.saveMailSettings(carol.id(), carolMail, true);
        accounts.saveLanguage(carol.username(), "en");
        long toAlice = notifications.notify(alice, "task", LocalizedText.of("您有新的待办：回访华润食品",
                "New task for you: revisit 华润食品"), "feedback", 42L);
        long toBob = notifications.notify(bob, "task", LocalizedText.of("您有新的待办：审批", "New task: approve"), null,
                null);
        long toCarol = notifications.notify(carol.id(), "deadline", LocalizedText.of("投诉即将超过处理时限",
                "A complaint's deadline is near"), "feedback", 43L);

        mailNotices.sendDue();
        mailNotices.sendDue(); // a second round sends nothing again

        assertThat(mailTo(aliceMail)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("【Kehu 客户管理】您有新的待办：回访华润食品");
            assertThat((String) m.getContent()).startsWith("通知甲，您好：").contains("您有新的待办：回访华润食品")
                    .contains("https://crm.example.cn/forms/feedback/42")
                    .contains("https://crm.example.cn/account");
        });
        assertThat(mailTo(carolMail)).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("[Kehu] A complaint's deadline is near");
            assertThat((String) m.getContent()).startsWith("Hello 通知丙,");
        });
        assertThat(mailTo(bobMail)).as("bob turned notices off").isEmpty();
        assertThat(mails.state(toAlice)).isEqualTo("sent");
        assertThat(mails.state(toCarol)).isEqualTo("sent");
        assertThat(mails.state(toBob)).isNull();
        assertThat(notifications.unreadCount(alice)).as("the bell keeps it too").isEqualTo(1);
    }

    @Test
    void aMailServerThatIsDownMakesTheNoticeWaitForItsRetryAndTheBellStillHasIt() {
        String address = "down" + SEQUENCE.incrementAndGet() + "@kehu.test";
        accounts.saveMailSettings(alice, address, true);
        long id = notifications.notify(alice, "task", LocalizedText.of("您有新的待办：回访", "New task: revisit"), null,
                null);
        JavaMailSenderImpl sender = (JavaMailSenderImpl) mailSender;
        int port = sender.getPort();
        sender.setPort(1); // nothing listens there: the connection is refused
        try {
            mailNotices.sendDue();
        } finally {
            sender.setPort(port);
        }

        assertThat(mails.state(id)).isEqualTo("retry");
        assertThat(mailTo(address)).isEmpty();
        assertThat(notifications.unreadCount(alice)).isEqualTo(1);
        Instant now = Instant.now();
        assertThat(mails.due(now, now.minus(Duration.ofDays(1)), 1000)).extracting(NotificationMails.Pending::id)
                .as("not before its pause").doesNotContain(id);
        assertThat(mails.due(now.plus(Duration.ofMinutes(2)), now.minus(Duration.ofDays(1)), 1000))
                .extracting(NotificationMails.Pending::id).contains(id);
    }

    @Test
    void anAddressMustBeOne() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> accounts.saveMailSettings(alice,
                "zhang san@company", true))).isInstanceOf(IllegalArgumentException.class);
        accounts.saveMailSettings(alice, "  zhang.san@company.com.cn ", true);
        assertThat(accounts.mailSettings(alice).email()).isEqualTo("zhang.san@company.com.cn");
        accounts.saveMailSettings(alice, " ", true);
        assertThat(accounts.mailSettings(alice).mailed()).isFalse();
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
