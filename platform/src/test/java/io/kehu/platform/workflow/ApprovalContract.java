package io.kehu.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.TransitionRefusedException.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approval by several people (或签/会签) on a real database, on a form and workflow of its own whose three approvers
 * are the users held by three fields: all of them, any one, or two of three must approve before 批准 is taken; each
 * has their own task, a second approval by the same person and a stranger's are refused saying who still has to
 * approve, a rejection closes the round, the record's starter is never an approver, a hand-off keeps the seat's rule,
 * and two approvers at the same moment give exactly one transition with no approval lost.
 */
abstract class ApprovalContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @Autowired
    Workflows workflows;
    @Autowired
    WorkflowVersions versions;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher formPublisher;

    Actor admin;
    Actor zhang;
    Actor li;
    Actor wang;
    Actor owner;
    String form;
    String workflow;
    String kind;
    private ExecutorService pool;

    @BeforeEach
    void ownForm() {
        if (forms.published("feedback").isEmpty()) {
            formPublisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "approval tests");
        }
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        int n = SEQUENCE.incrementAndGet();
        zhang = account("张三" + n, Role.MANAGER);
        li = account("李四" + n, Role.MANAGER);
        wang = account("王五" + n, Role.MANAGER);
        owner = account("赵六" + n, Role.STAFF);
        form = "appr_" + n;
        workflow = "appr_flow_" + n;
        kind = "co_sign_" + n;
        FieldDefinition status = FieldDefinition.builder("status", FieldType.SELECT)
                .label(LocalizedText.of("状态", "Status"))
                .options(List.of(option("new", "新建", "New"), option("waiting", "待审批", "Awaiting approval"),
                        option("approved", "已批准", "Approved")))
                .defaultValue("new").build();
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(FieldDefinition.builder("title", FieldType.TEXT).label(LocalizedText.of("标题", "Title")).build());
        fields.add(status);
        for (String user : List.of("owner", "r1", "r2", "r3", "approved_by")) {
            fields.add(FieldDefinition.builder(user, FieldType.USER).label(LocalizedText.of(user, user)).build());
        }
        formPublisher.publish(new FormDefinition(form, LocalizedText.of("审批测试", "Approval test"), null, null, 0,
                "title", "owner", fields, List.of(), List.of(), null), "test", "approval test form");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static FieldOption option(String value, String zh, String en) {
        return new FieldOption(value, LocalizedText.of(zh, en));
    }

    private Actor account(String name, Role role) {
        String username = "appr" + SEQUENCE.incrementAndGet();
        accounts.create(username, name, "pw-" + username + "-Long1", Set.of(role));
        return Actor.of(accounts.findByUsername(username).orElseThrow());
    }

    /** Publishes the test workflow with {@code approval} ({@code "mode": …} and more) on its 批准. */
    private void publish(String approval) {
        String json = """
                {
                  "id": "%s", "label": {"zh": "审批测试流程", "en": "Approval test flow"},
                  "form": "%s", "statusField": "status",
                  "states": [
                    {"id": "new", "label": {"zh": "新建", "en": "New"}, "color": "blue", "initial": true},
                    {"id": "waiting", "label": {"zh": "待审批", "en": "Awaiting approval"}, "color": "orange"},
                    {"id": "approved", "label": {"zh": "已批准", "en": "Approved"}, "color": "green", "final": true}
                  ],
                  "transitions": [
                    {"id": "submit", "from": ["new"], "to": "waiting", "label": {"zh": "提交审批", "en": "Submit"},
                     "actions": [{"type": "createTask", "kind": "prepare", "title": {"zh": "准备材料", "en": "Prepare"},
                                  "assignee": {"roles": ["STAFF"]}}]},
                    {"id": "approve", "from": ["waiting"], "to": "approved", "label": {"zh": "批准", "en": "Approve"},
                     "comment": "optional",
                     "approval": {%s,
                       "approvers": [{"userFields": ["r1"], "notCreator": true}, {"userFields": ["r2"], "notCreator": true},
                                     {"userFields": ["r3"], "notCreator": true}],
                       "kind": "%s", "title": {"zh": "审批申请", "en": "Approve the request"},
                       "due": "PT8H", "workingTime": true},
                     "actions": [{"type": "setField", "field": "approved_by", "value": "$actor"}]},
                    {"id": "send_back", "from": ["waiting"], "to": "new", "label": {"zh": "退回", "en": "Send back"},
                     "actors": {"userFields": ["r1", "r2", "r3"]}, "comment": "required"}
                  ]
                }
                """.formatted(workflow, form, approval, kind);
        versions.publish(admin, json, Map.of(), "test");
    }

    /** A request owned by {@code owner} with the three approvers, created by {@code starter} and submitted. */
    private Record submitted(Actor starter, Actor first) {
        Map<String, Object> v = new HashMap<>();
        v.put("title", "采购申请 " + SEQUENCE.incrementAndGet());
        v.put("owner", owner.userId());
        v.put("r1", first.userId());
        v.put("r2", li.userId());
        v.put("r3", wang.userId());
        Record created = records.create(starter, form, v);
        return workflows.transition(starter, form, created.id(), "submit", null, created.rowVersion());
    }

    private List<WorkflowTask> approvalTasks(Record record) {
        return workflows.tasksOf(admin, form, record.id()).stream().filter(t -> t.kind().equals(kind)).toList();
    }

    private Record approve(Actor who, Record record, String comment) {
        Record current = records.get(admin, form, record.id()).orElseThrow();
        return workflows.transition(who, form, record.id(), "approve", comment, current.rowVersion());
    }

    private TransitionRefusedException refused(Actor who, Record record) {
        return (TransitionRefusedException) catchThrowable(() -> approve(who, record, null));
    }

    private static List<String> ids(List<Transition> transitions) {
        return transitions.stream().map(Transition::id).toList();
    }

    private String name(Actor actor) {
        return accounts.findById(actor.userId()).orElseThrow().displayName();
    }

    @Test
    void allOfIsTakenOnlyOnceEveryApproverApprovedEachWithTheirOwnTask() {
        publish("\"mode\": \"all\"");
        Record request = submitted(admin, zhang);

        assertThat(approvalTasks(request)).extracting(WorkflowTask::assigneeId)
                .containsExactly(zhang.userId(), li.userId(), wang.userId());
        assertThat(workflows.openTasks(li, 0, 500)).extracting(WorkflowTask::kind).contains(kind);
        assertThat(ids(workflows.allowedTransitions(zhang, form, request.id()))).contains("approve");
        assertThat(ids(workflows.allowedTransitions(admin, form, request.id()))).doesNotContain("approve");
        assertThat(workflows.taskKinds()).containsKey(kind);

        Record afterFirst = approve(zhang, request, "同意");
        assertThat(afterFirst.get("status")).isEqualTo("waiting");
        assertThat(ids(workflows.allowedTransitions(zhang, form, request.id()))).doesNotContain("approve");
        TransitionRefusedException twice = refused(zhang, request);
        assertThat(twice.reason()).isEqualTo(Reason.ALREADY_APPROVED);
        assertThat(twice.text().zh()).isEqualTo("您已批准“批准”。还需 2 人审批：" + name(li) + "、" + name(wang));
        assertThat(twice.text().en()).isEqualTo("You have approved \"Approve\" already. 2 more approval(s) needed: "
                + name(li) + ", " + name(wang));
        TransitionRefusedException stranger = refused(admin, request);
        assertThat(stranger.reason()).isEqualTo(Reason.NOT_APPROVER);
        assertThat(stranger.text().zh()).isEqualTo("您不是“批准”本轮的审批人。还需 2 人审批：" + name(li) + "、" + name(wang));
        assertThat(workflows.approvalStatus(admin, form, request.id())).singleElement().satisfies(s -> {
            assertThat(s.needed()).isEqualTo(3);
            assertThat(s.missing()).isEqualTo(2);
            assertThat(s.approved()).extracting(ApprovalStatus.Approver::userId).containsExactly(zhang.userId());
            assertThat(s.approved().getFirst().at()).isNotNull();
        });

        approve(li, request, null);
        Record done = approve(wang, request, "预算合理");
        assertThat(done.get("status")).isEqualTo("approved");
        assertThat(done.get("approved_by")).isEqualTo(wang.userId());
        assertThat(approvalTasks(request)).extracting(WorkflowTask::status).containsOnly(WorkflowTask.Status.DONE);
        assertThat(workflows.approvals(admin, form, request.id()))
                .extracting(WorkflowStep::transitionId, WorkflowStep::actedBy, WorkflowStep::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("approve", zhang.userId(), "同意"),
                        org.assertj.core.groups.Tuple.tuple("approve", li.userId(), null),
                        org.assertj.core.groups.Tuple.tuple("approve", wang.userId(), "预算合理"));
        // The timeline has the two moves only; the approvals are kept apart.
        assertThat(workflows.steps(admin, form, request.id())).extracting(WorkflowStep::transitionId)
                .containsExactly("submit", "approve");
    }

    @Test
    void anyOfIsDecidedByTheFirstApprovalAndTheOthersTasksAreClosed() {
        publish("\"mode\": \"any\"");
        Record request = submitted(admin, zhang);

        Record done = approve(li, request, null);

        assertThat(done.get("status")).isEqualTo("approved");
        assertThat(approvalTasks(request)).extracting(WorkflowTask::assigneeId, WorkflowTask::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(zhang.userId(), WorkflowTask.Status.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple(li.userId(), WorkflowTask.Status.DONE),
                        org.assertj.core.groups.Tuple.tuple(wang.userId(), WorkflowTask.Status.CANCELLED));
        assertThat(workflows.openTasks(zhang, 0, 500)).extracting(WorkflowTask::kind).doesNotContain(kind);
    }

    @Test
    void aQuorumOfTwoOfThreeNeedsTwoApprovals() {
        publish("\"mode\": \"any\", \"count\": 2");
        Record request = submitted(admin, zhang);

        assertThat(approve(wang, request, null).get("status")).isEqualTo("waiting");
        TransitionRefusedException again = refused(wang, request);
        assertThat(again.text().zh()).isEqualTo("您已批准“批准”。还需 1 人审批：" + name(zhang) + "、" + name(li));
        assertThat(approve(zhang, request, null).get("status")).isEqualTo("approved");
        assertThat(approvalTasks(request)).extracting(WorkflowTask::status).containsExactly(
                WorkflowTask.Status.DONE, WorkflowTask.Status.CANCELLED, WorkflowTask.Status.DONE);
    }

    @Test
    void aRejectionByOneApproverClosesTheRoundAndResubmittingStartsAFreshOne() {
        publish("\"mode\": \"all\"");
        Record request = submitted(admin, zhang);
        approve(zhang, request, "同意");

        Record current = records.get(admin, form, request.id()).orElseThrow();
        Record back = workflows.transition(li, form, request.id(), "send_back", "数量需要核实", current.rowVersion());

        assertThat(back.get("status")).isEqualTo("new");
        assertThat(approvalTasks(request)).extracting(WorkflowTask::status).containsExactly(
                WorkflowTask.Status.DONE, WorkflowTask.Status.CANCELLED, WorkflowTask.Status.CANCELLED);
        assertThat(workflows.approvalStatus(admin, form, request.id())).isEmpty();
        TransitionRefusedException late = refused(wang, request);
        assertThat(late.reason()).isEqualTo(Reason.WRONG_STATE);

        Record again = workflows.transition(admin, form, request.id(), "submit", null, back.rowVersion());
        assertThat(workflows.approvalStatus(admin, form, again.id())).singleElement().satisfies(s -> {
            assertThat(s.missing()).isEqualTo(3);
            assertThat(s.pending()).extracting(ApprovalStatus.Approver::userId)
                    .containsExactly(zhang.userId(), li.userId(), wang.userId());
        });
        // Zhang's approval of the first round does not count in the second.
        assertThat(approve(zhang, again, null).get("status")).isEqualTo("waiting");
        assertThat(approvalTasks(request)).hasSize(6);
    }

    @Test
    void theStarterOfTheRecordIsNeverItsApproverAndHandOffsKeepTheSeatsRule() {
        publish("\"mode\": \"all\"");
        Actor starter = account("钱七", Role.MANAGER);
        Record request = submitted(starter, starter);

        WorkflowTask first = approvalTasks(request).getFirst();
        assertThat(first.assigneeId()).isNotEqualTo(starter.userId());
        assertThat(first.warning()).isNotNull();
        assertThat(ids(workflows.allowedTransitions(starter, form, request.id()))).doesNotContain("approve");
        assertThat(refused(starter, request).reason()).isEqualTo(Reason.NOT_APPROVER);

        // Li's seat is "the person in r2, never the starter": it cannot be handed to the starter, nor to Wang, who
        // holds a seat of his own (one person, one approval), but it can go to a colleague.
        WorkflowTask lis = approvalTasks(request).get(1);
        assertThat(workflows.handOffCandidates(li, lis.id())).extracting(u -> u.id())
                .doesNotContain(starter.userId(), wang.userId());
        TaskHandOffRefusedException toStarter = (TaskHandOffRefusedException) catchThrowable(
                () -> workflows.reassignTask(li, lis.id(), starter.userId(), null));
        assertThat(toStarter.reason()).isEqualTo(TaskHandOffRefusedException.Reason.NOT_ELIGIBLE);
        assertThat(catchThrowable(() -> workflows.reassignTask(li, lis.id(), wang.userId(), null)))
                .isInstanceOf(TaskHandOffRefusedException.class);
    }

    @Test
    void aDelegateApprovesInPlaceOfTheApproverWhoHandedTheTaskOn() {
        publish("\"mode\": \"all\"");
        Record request = submitted(admin, zhang);
        Actor deputy = account("孙八", Role.MANAGER);
        WorkflowTask zhangs = approvalTasks(request).getFirst();
        // Zhang's seat names "the person in r1", so only that person may take it: the seat's rule follows the task.
        assertThat(workflows.handOffCandidates(zhang, zhangs.id())).extracting(u -> u.id())
                .doesNotContain(deputy.userId());

        Record current = records.get(admin, form, request.id()).orElseThrow();
        Record changed = records.update(admin, form, request.id(), current.rowVersion(), Map.of("r1",
                deputy.userId()));
        workflows.reassignTask(zhang, zhangs.id(), deputy.userId(), "出差，由孙八代批");
        assertThat(changed.get("r1")).isEqualTo(deputy.userId());

        approve(deputy, request, null);
        approve(li, request, null);
        assertThat(approve(wang, request, null).get("status")).isEqualTo("approved");
        assertThat(workflows.approvals(admin, form, request.id())).extracting(WorkflowStep::actedBy)
                .containsExactly(deputy.userId(), li.userId(), wang.userId());
    }

    @Test
    void twoApproversAtTheSameMomentGiveExactlyOneTransitionAndNoApprovalIsLost() throws Exception {
        publish("\"mode\": \"all\"");
        Record request = submitted(admin, zhang);
        approve(zhang, request, null);
        int version = records.get(admin, form, request.id()).orElseThrow().rowVersion();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (Actor approver : List.of(li, wang)) {
            Callable<Object> call = () -> {
                start.await();
                return workflows.transition(approver, form, request.id(), "approve", null, version);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        for (Future<Object> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOf(Record.class);
        }

        assertThat(records.get(admin, form, request.id()).orElseThrow().get("status")).isEqualTo("approved");
        assertThat(workflows.steps(admin, form, request.id())).extracting(WorkflowStep::transitionId)
                .containsExactly("submit", "approve");
        assertThat(workflows.approvals(admin, form, request.id())).extracting(WorkflowStep::actedBy)
                .containsExactlyInAnyOrder(zhang.userId(), li.userId(), wang.userId());
        assertThat(approvalTasks(request)).extracting(WorkflowTask::status).containsOnly(WorkflowTask.Status.DONE);
    }

    @Test
    void twoApproversOfAnAnyOfRoundAtOnceGiveExactlyOneTransition() throws Exception {
        publish("\"mode\": \"any\"");
        Record request = submitted(admin, zhang);
        int version = records.get(admin, form, request.id()).orElseThrow().rowVersion();

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (Actor approver : List.of(li, wang)) {
            Callable<Object> call = () -> {
                start.await();
                try {
                    return workflows.transition(approver, form, request.id(), "approve", null, version);
                } catch (TransitionRefusedException | RecordConflictException e) {
                    return e;
                }
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> result : results) {
            outcomes.add(result.get(30, TimeUnit.SECONDS));
        }

        assertThat(outcomes).filteredOn(Record.class::isInstance).hasSize(1);
        assertThat(workflows.steps(admin, form, request.id())).extracting(WorkflowStep::transitionId)
                .containsExactly("submit", "approve");
        assertThat(workflows.approvals(admin, form, request.id())).hasSize(1);
        assertThat(approvalTasks(request)).extracting(WorkflowTask::status).containsOnlyOnce(
                WorkflowTask.Status.DONE);
    }

    @Test
    void aNewTaskGoesOnlyToSomeoneWhoMayReadTheRecordElseToAManagerWithAWarning() {
        publish("\"mode\": \"any\"");
        // Staff see the records they own: of all staff, only the owner may open this one.
        Record request = submitted(admin, zhang);
        assertThat(workflows.tasksOf(admin, form, request.id())).filteredOn(t -> t.kind().equals("prepare"))
                .singleElement().satisfies(t -> {
                    assertThat(t.assigneeId()).isEqualTo(owner.userId());
                    assertThat(t.warning()).isNull();
                });

        Map<String, Object> v = new HashMap<>();
        v.put("title", "无人负责的申请");
        v.put("r1", zhang.userId());
        v.put("r2", li.userId());
        v.put("r3", wang.userId());
        Record unowned = records.create(admin, form, v);
        workflows.transition(admin, form, unowned.id(), "submit", null, unowned.rowVersion());
        assertThat(workflows.tasksOf(admin, form, unowned.id())).filteredOn(t -> t.kind().equals("prepare"))
                .singleElement().satisfies(t -> {
                    assertThat(accounts.findById(t.assigneeId()).orElseThrow().roles()).doesNotContain(Role.STAFF);
                    assertThat(t.warning()).isNotNull();
                });
    }
}
