package io.kehu.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.Teams;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.TaskHandOffRefusedException.Reason;
import io.kehu.platform.workflow.runtime.WorkflowLog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Handing a task on, on a real database: its assignee gives it to a colleague (转交), a manager reassigns it within
 * their team (改派); a stranger is refused, and so is a target the task's own rule excludes — the complaint's handler
 * never gets its revisit, however the task travels. The new assignee has it in their inbox, the old one no longer, the
 * reason is kept in the workflow log and the timeline of transitions is unchanged.
 */
@RecordApplicationEvents
abstract class TaskHandOffContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @Autowired
    Workflows workflows;
    @Autowired
    WorkflowCatalog catalog;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;
    @Autowired
    Teams teams;
    @Autowired
    DSLContext dsl;
    @Autowired
    ApplicationEvents events;

    Actor staff;
    Actor admin;
    long customer;

    @BeforeEach
    void shippedFormsAndWorkflows() {
        if (forms.published("feedback").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "task hand-off tests");
        }
        assertThat(catalog.forForm("feedback")).map(WorkflowDefinition::id).contains("complaint_handling");
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        Map<String, Object> c = new HashMap<>();
        c.put("name", "华润食品" + SEQUENCE.incrementAndGet());
        c.put("customer_type", "company");
        c.put("phone", String.format("139%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        c.put("account_manager", staff.userId());
        customer = records.create(staff, "customer", c).id();
    }

    /** A colleague; staff see only some feedback records, so those who must read it are managers. */
    private Actor account(String name, Role role) {
        String username = "handoff" + SEQUENCE.incrementAndGet();
        accounts.create(username, name, "pw-" + username + "-Long1", Set.of(role));
        return Actor.of(accounts.findByUsername(username).orElseThrow());
    }

    /** A complaint staff took and resolved: its revisit task is open, never with staff (the handler). */
    private WorkflowTask revisitOfResolvedComplaint() {
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer);
        v.put("feedback_type", "complaint");
        v.put("severity", "high");
        v.put("description", "送货延误，客户要求说明 " + SEQUENCE.incrementAndGet());
        v.put("received_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0));
        Record logged = records.create(staff, "feedback", v);
        Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        workflows.transition(staff, "feedback", taken.id(), "resolve", "已致电客户说明原因", taken.rowVersion());
        return workflows.tasksOf(admin, "feedback", logged.id()).stream().filter(t -> t.kind().equals("revisit"))
                .findFirst().orElseThrow();
    }

    private Actor assigneeOf(WorkflowTask task) {
        return Actor.of(accounts.findById(task.assigneeId()).orElseThrow());
    }

    private static TaskHandOffRefusedException refused(Runnable attempt) {
        return catchThrowableOfType(TaskHandOffRefusedException.class, attempt::run);
    }

    @Test
    void theAssigneeHandsTheTaskToAColleagueWhoThenHasItInTheirInboxWithTheReasonLogged() {
        WorkflowTask revisit = revisitOfResolvedComplaint();
        Actor from = assigneeOf(revisit);
        Actor colleague = account("冯晓 Feng", Role.MANAGER);
        int stepsBefore = workflows.steps(admin, "feedback", revisit.recordId()).size();
        events.clear();

        assertThat(workflows.handOffCandidates(from, revisit.id())).extracting(UserAccount::id)
                .contains(colleague.userId()).doesNotContain(from.userId(), staff.userId());
        WorkflowTask handed = workflows.reassignTask(from, revisit.id(), colleague.userId(), "  下周出差，请冯晓代为回访 ");

        assertThat(handed.assigneeId()).isEqualTo(colleague.userId());
        assertThat(handed.status()).isEqualTo(WorkflowTask.Status.OPEN);
        assertThat(workflows.openTasks(colleague, 0, 500)).extracting(WorkflowTask::id).contains(revisit.id());
        assertThat(workflows.openTasks(from, 0, 500)).extracting(WorkflowTask::id).doesNotContain(revisit.id());
        assertThat(workflows.taskHandOffs(admin, "feedback", revisit.recordId())).singleElement()
                .satisfies(h -> {
                    assertThat(h.taskId()).isEqualTo(revisit.id());
                    assertThat(h.fromUserId()).isEqualTo(from.userId());
                    assertThat(h.toUserId()).isEqualTo(colleague.userId());
                    assertThat(h.reason()).isEqualTo("下周出差，请冯晓代为回访");
                    assertThat(h.actedBy()).isEqualTo(from.userId());
                });
        // The timeline and the state clocks see transitions only.
        assertThat(workflows.steps(admin, "feedback", revisit.recordId())).hasSize(stepsBefore);
        // task.assigned for the webhooks, and a notice to the new assignee.
        assertThat(events.stream(WorkflowTaskChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(WorkflowTaskChanged.Change.ASSIGNED);
            assertThat(e.task().assigneeId()).isEqualTo(colleague.userId());
            assertThat(e.actedBy()).isEqualTo(from.userId());
        });
        assertThat(events.stream(WorkflowNotice.class)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(WorkflowNotice.Kind.TASK_ASSIGNED);
            assertThat(n.recipients()).containsExactly(colleague.userId());
        });

        // The old assignee no longer has it to hand on.
        TaskHandOffRefusedException again = refused(() -> workflows.reassignTask(from, revisit.id(), from.userId(),
                null));
        assertThat(again.reason()).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(again.text().zh()).isEqualTo("只有待办的负责人、其经理或管理员可以转交该待办");
    }

    @Test
    void aManagerReassignsTheirTeamsTaskAndAStrangerIsRefused() {
        Actor lead = account("褚经理 Chu", Role.MANAGER);
        Actor member = account("卫一 Wei", Role.MANAGER);
        Actor other = account("蒋二 Jiang", Role.MANAGER);
        Actor stranger = account("沈三 Shen", Role.STAFF);
        teams.assign(admin, member.userId(), lead.userId());
        WorkflowTask revisit = revisitOfResolvedComplaint();
        workflows.reassignTask(admin, revisit.id(), member.userId(), "分给卫一");

        TaskHandOffRefusedException notTheirs = refused(() -> workflows.reassignTask(stranger, revisit.id(),
                stranger.userId(), "我来"));
        assertThat(notTheirs.reason()).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(workflows.handOffCandidates(stranger, revisit.id())).isEmpty();
        assertThat(workflows.openTasks(member, 0, 500)).extracting(WorkflowTask::id).contains(revisit.id());

        workflows.reassignTask(lead, revisit.id(), other.userId(), "卫一休假");
        assertThat(workflows.openTasks(other, 0, 500)).extracting(WorkflowTask::id).contains(revisit.id());
        assertThat(workflows.openTasks(member, 0, 500)).extracting(WorkflowTask::id).doesNotContain(revisit.id());
        assertThat(workflows.taskHandOffs(admin, "feedback", revisit.recordId()))
                .extracting(WorkflowLog.HandOff::toUserId, WorkflowLog.HandOff::actedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(member.userId(), admin.userId()),
                        org.assertj.core.groups.Tuple.tuple(other.userId(), lead.userId()));
        // The lead's reach ends with their team: other does not report to them.
        assertThat(refused(() -> workflows.reassignTask(lead, revisit.id(), member.userId(), null)).reason())
                .isEqualTo(Reason.NOT_ALLOWED);
    }

    @Test
    void separationOfDutiesHoldsTheHandlerNeverGetsTheRevisit() {
        WorkflowTask revisit = revisitOfResolvedComplaint();
        Actor from = assigneeOf(revisit);

        assertThat(workflows.handOffCandidates(from, revisit.id())).extracting(UserAccount::id)
                .doesNotContain(staff.userId());
        TaskHandOffRefusedException toHandler = refused(() -> workflows.reassignTask(from, revisit.id(),
                staff.userId(), "交回处理人"));
        assertThat(toHandler.reason()).isEqualTo(Reason.NOT_ELIGIBLE);
        assertThat(toHandler.text().zh()).contains("处理人").contains("不能接手此待办");
        assertThat(toHandler.text().en()).contains("may not take this task");
        // Not even an administrator may.
        assertThat(refused(() -> workflows.reassignTask(admin, revisit.id(), staff.userId(), null)).reason())
                .isEqualTo(Reason.NOT_ELIGIBLE);
        assertThat(workflows.task(admin, revisit.id())).map(t -> t.task().assigneeId()).contains(from.userId());
        assertThat(workflows.taskHandOffs(admin, "feedback", revisit.recordId())).isEmpty();
    }

    @Test
    void unknownDisabledOrSameTargetsAndClosedTasksAreRefusedWithWhy() {
        WorkflowTask revisit = revisitOfResolvedComplaint();
        Actor from = assigneeOf(revisit);
        Actor leaver = account("韩四 Han", Role.STAFF);
        dsl.update(table(name("kehu_user"))).set(field(name("enabled"), Boolean.class), false)
                .where(field(name("id"), Long.class).eq(leaver.userId())).execute();

        TaskHandOffRefusedException unknown = refused(() -> workflows.reassignTask(from, revisit.id(), 987_654_321L,
                null));
        assertThat(unknown.reason()).isEqualTo(Reason.UNKNOWN_USER);
        assertThat(unknown.text().zh()).isEqualTo("所选用户不存在");
        TaskHandOffRefusedException disabled = refused(() -> workflows.reassignTask(from, revisit.id(),
                leaver.userId(), null));
        assertThat(disabled.reason()).isEqualTo(Reason.USER_DISABLED);
        assertThat(disabled.text().zh()).isEqualTo("“韩四 Han”的账号已停用，不能接收待办");
        assertThat(workflows.handOffCandidates(from, revisit.id())).extracting(UserAccount::id)
                .doesNotContain(leaver.userId());
        assertThat(refused(() -> workflows.reassignTask(from, revisit.id(), from.userId(), null)).reason())
                .isEqualTo(Reason.SAME_ASSIGNEE);
        assertThat(refused(() -> workflows.reassignTask(from, revisit.id(), admin.userId(), "x".repeat(2001)))
                .reason()).isEqualTo(Reason.REASON_TOO_LONG);

        Actor manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        Record resolved = records.get(admin, "feedback", revisit.recordId()).orElseThrow();
        workflows.transition(manager, "feedback", revisit.recordId(), "revisit_ok", "客户满意", resolved.rowVersion());
        TaskHandOffRefusedException closed = refused(() -> workflows.reassignTask(admin, revisit.id(),
                admin.userId(), null));
        assertThat(closed.reason()).isEqualTo(Reason.NOT_OPEN);
        assertThat(closed.text().en()).startsWith("This task is done");
        assertThat(refused(() -> workflows.reassignTask(admin, 987_654_321L, admin.userId(), null)).reason())
                .isEqualTo(Reason.NOT_OPEN);
    }

    @Test
    void aPluginsTaskWithoutARuleGoesToAnyoneWhoMayReadTheRecord() {
        WorkflowTask revisit = revisitOfResolvedComplaint();
        long taskId = workflows.createTask(staff, "plugin:survey", "feedback", revisit.recordId(), "survey",
                LocalizedText.of("发送满意度调查", "Send the satisfaction survey"), staff.userId(),
                Instant.now().plusSeconds(3600));
        Actor colleague = account("杨五 Yang", Role.MANAGER);

        assertThat(workflows.handOffCandidates(staff, taskId)).extracting(UserAccount::id)
                .contains(colleague.userId(), admin.userId()).doesNotContain(staff.userId());
        workflows.reassignTask(staff, taskId, colleague.userId(), null);
        assertThat(workflows.openTasks(colleague, 0, 500)).extracting(WorkflowTask::id).contains(taskId);
        // Back to the handler: no rule keeps them from a plugin's task.
        workflows.reassignTask(colleague, taskId, staff.userId(), "还给你");
        assertThat(workflows.openTasks(staff, 0, 500)).extracting(WorkflowTask::id).contains(taskId);
    }
}
