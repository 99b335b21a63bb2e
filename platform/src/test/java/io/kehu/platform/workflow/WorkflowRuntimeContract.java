package io.kehu.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.TransitionRefusedException.Reason;
import io.kehu.platform.workflow.runtime.StateClocks;
import io.kehu.platform.workflow.runtime.TaskAssigner;
import io.kehu.platform.workflow.runtime.TaskStore;
import io.kehu.platform.workflow.timers.DueTimer;
import io.kehu.platform.workflow.timers.TimerQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The complaint workflow as shipped, run on a real database through the one write path: staff log a complaint, take
 * it, resolve it with a comment; the revisit lands with someone other than the handler, the handler is refused it,
 * the other user closes the complaint. The status field cannot be changed around the workflow, and of two people
 * acting on one version exactly one wins.
 */
@RecordApplicationEvents
abstract class WorkflowRuntimeContract {

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
    BulkRecords bulk;
    @Autowired
    TaskAssigner assigner;
    @Autowired
    TaskStore taskStore;
    @Autowired
    TimerQueue timerQueue;
    @Autowired
    DueTimers dueTimers;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Automations automations;
    @Autowired
    io.kehu.platform.security.Teams teams;
    @Autowired
    WorkflowClock workflowClock;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    io.kehu.platform.workflow.runtime.WorkflowCalendars calendars;

    Actor staff;
    Actor manager;
    long customer;

    @BeforeEach
    void shippedFormsAndWorkflows() {
        if (forms.published("feedback").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "workflow runtime tests");
        }
        assertThat(catalog.forForm("feedback")).map(WorkflowDefinition::id).contains("complaint_handling");
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        Map<String, Object> c = new HashMap<>();
        c.put("name", "华润食品" + SEQUENCE.incrementAndGet());
        c.put("customer_type", "company");
        c.put("phone", String.format("138%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        c.put("account_manager", staff.userId());
        customer = records.create(staff, "customer", c).id();
    }

    private Record complaint(Actor by) {
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer);
        v.put("feedback_type", "complaint");
        v.put("severity", "high");
        v.put("description", "冰柜运行噪音大，客户要求上门检修 " + SEQUENCE.incrementAndGet());
        v.put("received_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0));
        return records.create(by, "feedback", v);
    }

    private static List<String> ids(List<Transition> transitions) {
        return transitions.stream().map(Transition::id).toList();
    }

    /**
     * The log row goes with the transition's other writes: on H2 in a batch of text with the values inlined by jOOQ, on
     * PostgreSQL in one statement of several parts with the values bound. Either way what people type is stored as
     * typed.
     */
    @Test
    void aCommentWithQuotesBackslashesAndSqlIsLoggedAsTyped() {
        Record logged = complaint(staff);
        Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        String typed = "客户说 'O''Brien' \\ \\' ; delete from kehu_workflow_log; -- $$ ${x} ? ?";
        workflows.transition(staff, "feedback", logged.id(), "resolve", typed, taken.rowVersion());
        assertThat(workflows.steps(staff, "feedback", logged.id())).extracting(WorkflowStep::comment)
                .containsExactly(null, typed.strip());
    }

    @Test
    void complaintIsHandledThenRevisitedBySomeoneElseAndClosed() {
        Record logged = complaint(staff);
        assertThat(logged.get("status")).isEqualTo("new");
        assertThat(ids(workflows.allowedTransitions(staff, "feedback", logged.id()))).containsExactly("take");

        Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        assertThat(taken.get("status")).isEqualTo("in_progress");
        assertThat(taken.get("handler")).isEqualTo(staff.userId());
        assertThat(taken.get("first_response_at")).isNotNull();

        TransitionRefusedException noComment = (TransitionRefusedException) catchThrowable(() -> workflows.transition(
                staff, "feedback", logged.id(), "resolve", "  ", taken.rowVersion()));
        assertThat(noComment.reason()).isEqualTo(Reason.COMMENT_REQUIRED);
        assertThat(noComment.text().zh()).isEqualTo("执行“处理完成”需要填写说明");

        Instant beforeResolve = Instant.now();
        Record resolved = workflows.transition(staff, "feedback", logged.id(), "resolve", "已上门更换压缩机",
                taken.rowVersion());
        assertThat(resolved.get("status")).isEqualTo("resolved");
        List<WorkflowTask> revisits = workflows.tasksOf(manager, "feedback", logged.id());
        assertThat(revisits).singleElement().satisfies(task -> {
            assertThat(task.kind()).isEqualTo("revisit");
            // Someone eligible other than the handler: the seeded manager, or a colleague another test added.
            assertThat(task.assigneeId()).isNotEqualTo(staff.userId());
            assertThat(accounts.findById(task.assigneeId()).orElseThrow().roles())
                    .containsAnyOf(Role.STAFF, Role.MANAGER);
            assertThat(task.title().zh()).isEqualTo("回访客户，确认投诉已解决");
            assertThat(task.status()).isEqualTo(WorkflowTask.Status.OPEN);
            // Three calendar days: the shipped definition counts the revisit's due time in clock time.
            assertThat(task.dueAt()).isBetween(beforeResolve.plus(Duration.ofDays(3)),
                    Instant.now().plus(Duration.ofDays(3)));
            assertThat(task.warning()).isNull();
        });
        Actor revisiter = Actor.of(accounts.findById(revisits.get(0).assigneeId()).orElseThrow());
        assertThat(workflows.openTasks(revisiter, 0, 500)).extracting(WorkflowTask::id)
                .contains(revisits.get(0).id());

        // The handler may not do the revisit: no button, and refused on the server with why.
        assertThat(workflows.allowedTransitions(staff, "feedback", logged.id())).isEmpty();
        TransitionRefusedException handler = (TransitionRefusedException) catchThrowable(() -> workflows.transition(
                staff, "feedback", logged.id(), "revisit_ok", "客户满意", resolved.rowVersion()));
        assertThat(handler.reason()).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(handler.decision().reason()).isEqualTo(WhoMayAct.Reason.EXCLUDED_BY_FIELD);
        assertThat(handler.decision().field()).isEqualTo("handler");
        assertThat(handler.text().zh()).isEqualTo("您是本记录的“处理人”，不能执行“回访满意，关闭”，需由其他人员执行");

        assertThat(ids(workflows.allowedTransitions(manager, "feedback", logged.id())))
                .containsExactly("revisit_ok", "revisit_reopen");
        Record closed = workflows.transition(manager, "feedback", logged.id(), "revisit_ok", "客户确认问题已解决",
                resolved.rowVersion());
        assertThat(closed.get("status")).isEqualTo("closed");
        assertThat(workflows.tasksOf(manager, "feedback", logged.id())).singleElement()
                .extracting(WorkflowTask::status).isEqualTo(WorkflowTask.Status.DONE);
        assertThat(workflows.openTasks(revisiter, 0, 500)).extracting(WorkflowTask::id)
                .doesNotContain(revisits.get(0).id());
        // Closing the state's tasks is written in the transition's batch; the closed task is still told about.
        assertThat(events.stream(WorkflowTaskChanged.class)
                .filter(e -> e.task().id() == revisits.get(0).id() && e.change() == WorkflowTaskChanged.Change.COMPLETED))
                .singleElement().extracting(WorkflowTaskChanged::actedBy).isEqualTo(manager.userId());
        assertThat(workflows.steps(manager, "feedback", logged.id()))
                .extracting(WorkflowStep::transitionId, WorkflowStep::to, WorkflowStep::comment,
                        WorkflowStep::actedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("take", "in_progress", null, staff.userId()),
                        org.assertj.core.groups.Tuple.tuple("resolve", "resolved", "已上门更换压缩机", staff.userId()),
                        org.assertj.core.groups.Tuple.tuple("revisit_ok", "closed", "客户确认问题已解决",
                                manager.userId()));
        // The status field's audit shows each move, by whom.
        assertThat(records.history(manager, "feedback", logged.id()))
                .filteredOn(e -> "status".equals(e.fieldId())).extracting(e -> e.newValue())
                .containsExactly("new", "in_progress", "resolved", "closed");

        TransitionRefusedException again = (TransitionRefusedException) catchThrowable(() -> workflows.transition(
                manager, "feedback", logged.id(), "take", null, closed.rowVersion()));
        assertThat(again.reason()).isEqualTo(Reason.WRONG_STATE);
        assertThat(again.text().zh()).contains("已回访，关闭");

        // Closed is closed: the shipped process freezes every field (editable: []), for the manager as for anyone,
        // and the refusal names the fields in both languages; the platform's own writers (automations) still pass.
        assertThat(workflows.editableFields("feedback", closed)).contains(Set.of());
        Throwable frozen = catchThrowable(() -> records.update(manager, "feedback", logged.id(), closed.rowVersion(),
                Map.of("description", "事后改写", "severity", "low")));
        assertThat(frozen).isInstanceOf(RecordRefusedException.class);
        assertThat(((RecordRefusedException) frozen).text().zh()).startsWith("记录处于“已回访，关闭”时不能修改：")
                .contains("反馈内容").contains("严重程度");
        assertThat(((RecordRefusedException) frozen).text().en())
                .startsWith("While the record is \"Revisited and closed\", these cannot be changed: ")
                .contains("Description").contains("Severity");
        assertThat(records.get(manager, "feedback", logged.id()).orElseThrow().get("description"))
                .isEqualTo(logged.get("description"));
        Record timed = records.update(Actor.system("automation"), "feedback", logged.id(), closed.rowVersion(),
                Map.of("revisit_timing", "on_time"));
        assertThat(timed.get("revisit_timing")).isEqualTo("on_time");
    }

    @Test
    void theStatusFieldCannotBeChangedAroundTheWorkflow() {
        Record logged = complaint(staff);
        Throwable direct = catchThrowable(() -> records.update(staff, "feedback", logged.id(), logged.rowVersion(),
                Map.of("status", "closed", "first_response_at", OffsetDateTime.now())));
        assertThat(direct).isInstanceOf(RecordRefusedException.class);
        assertThat(((RecordRefusedException) direct).text().zh()).isEqualTo("“处理状态”只能通过流程中的操作改变，不能直接修改");
        assertThat(records.get(staff, "feedback", logged.id()).orElseThrow().get("status")).isEqualTo("new");

        // Nor through a bulk write (imports), nor as the platform itself.
        Throwable inBulk = catchThrowable(() -> bulk.batch(staff, null, null, batch -> batch.update("feedback",
                logged.id(), logged.rowVersion(), Map.of("status", "in_progress"))));
        assertThat(inBulk).isInstanceOf(RecordRefusedException.class);
        Throwable bySystem = catchThrowable(() -> records.update(Actor.system("import"), "feedback", logged.id(),
                logged.rowVersion(), Map.of("status", "in_progress")));
        assertThat(bySystem).isInstanceOf(RecordRefusedException.class);

        // Other fields still change as usual.
        Record edited = records.update(staff, "feedback", logged.id(), logged.rowVersion(),
                Map.of("severity", "critical"));
        assertThat(edited.get("severity")).isEqualTo("critical");

        Map<String, Object> skipping = new HashMap<>(records.get(staff, "feedback", logged.id()).orElseThrow()
                .values().asMap());
        skipping.put("status", "resolved");
        skipping.put("first_response_at", OffsetDateTime.now());
        skipping.remove("handler");
        Throwable created = catchThrowable(() -> records.create(staff, "feedback", skipping));
        assertThat(created).isInstanceOf(RecordRefusedException.class);
        assertThat(((RecordRefusedException) created).text().zh()).isEqualTo("新记录的“处理状态”必须是“新建”，之后只能通过流程中的操作改变");
    }

    @Test
    void twoPeopleTakingOneComplaintAtOnceOneWins() throws Exception {
        Record logged = complaint(staff);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Record>> runs = new ArrayList<>();
            for (Actor actor : List.of(staff, manager)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return workflows.transition(actor, "feedback", logged.id(), "take", null, logged.rowVersion());
                }));
            }
            start.countDown();
            List<Record> won = new ArrayList<>();
            List<Throwable> lost = new ArrayList<>();
            for (Future<Record> run : runs) {
                try {
                    won.add(run.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            assertThat(won).hasSize(1);
            assertThat(lost).singleElement().isInstanceOf(RecordConflictException.class);
            Record now = records.get(manager, "feedback", logged.id()).orElseThrow();
            assertThat(now.get("status")).isEqualTo("in_progress");
            assertThat(now.get("handler")).isEqualTo(won.get(0).get("handler"));
            assertThat(workflows.steps(manager, "feedback", logged.id())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whoComesSecondAfterAColleagueTookTheComplaintGetsAConflictNotAMissingRecord() {
        Record logged = complaint(staff);
        Record taken = workflows.transition(manager, "feedback", logged.id(), "take", null, logged.rowVersion());
        assertThat(taken.get("handler")).isEqualTo(manager.userId());
        assertThat(records.get(staff, "feedback", logged.id())).as("the handler owns a complaint").isEmpty();

        assertThat(catchThrowable(() -> workflows.transition(staff, "feedback", logged.id(), "take", null,
                logged.rowVersion()))).isInstanceOf(RecordConflictException.class);
        assertThat(catchThrowable(() -> records.update(staff, "feedback", logged.id(), logged.rowVersion(),
                Map.of("description", "还在处理吗？")))).isInstanceOf(RecordConflictException.class);
    }

    @Test
    void enteringAStateStartsItsClocksAndLeavingItStopsThem() {
        Record logged = complaint(staff);
        assertThat(timerQueue.pending("feedback", logged.id())).extracting(DueTimer::kind, DueTimer::subject)
                .containsExactlyInAnyOrder(tuple(StateClocks.SLA_REMIND, "new"), tuple(StateClocks.SLA_BREACH, "new"));

        Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        List<DueTimer> inProgress = timerQueue.pending("feedback", logged.id());
        assertThat(inProgress).extracting(DueTimer::kind, DueTimer::subject).containsExactlyInAnyOrder(
                tuple(StateClocks.SLA_REMIND, "in_progress"), tuple(StateClocks.SLA_BREACH, "in_progress"));
        SlaClock clock = workflows.slaClock(staff, "feedback", logged.id()).orElseThrow();
        assertThat(clock.state().id()).isEqualTo("in_progress");
        assertThat(clock.overdue()).isFalse();
        // 48 working hours are at least six calendar days away, and the breach timer is set for that moment.
        assertThat(clock.dueAt()).isAfter(clock.enteredAt().plus(Duration.ofDays(5)));
        Instant breach = inProgress.stream().filter(t -> t.kind().equals(StateClocks.SLA_BREACH)).findFirst()
                .orElseThrow().dueAt();
        assertThat(Duration.between(clock.dueAt(), breach).abs()).isLessThan(Duration.ofSeconds(5));

        workflows.transition(staff, "feedback", logged.id(), "resolve", "已上门更换压缩机", taken.rowVersion());
        assertThat(timerQueue.pending("feedback", logged.id())).as("resolved has no time limit").isEmpty();
        assertThat(workflows.slaClock(staff, "feedback", logged.id())).isEmpty();
    }

    @Test
    void aDeadlineDrawingNearRemindsTheHandlerAndAMissedOneHandsTheWorkToAManager() {
        Record logged = complaint(staff);
        workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        Instant breach = timerQueue.pending("feedback", logged.id()).stream()
                .filter(t -> t.kind().equals(StateClocks.SLA_BREACH)).findFirst().orElseThrow().dueAt();

        dueTimers.fireAllDue(breach.minusSeconds(60));
        // The take's own notice goes to chat channel "complaints" only; the reminder is the one for people.
        assertThat(notices(logged.id())).filteredOn(n -> n.kind() != WorkflowNotice.Kind.TRANSITION)
                .singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(WorkflowNotice.Kind.DEADLINE_NEAR);
            assertThat(n.recipients()).containsExactly(staff.userId());
            assertThat(n.message().zh()).contains("处理中");
        });

        dueTimers.fireAllDue(breach.plusSeconds(60));
        assertThat(notices(logged.id())).last().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(WorkflowNotice.Kind.DEADLINE_MISSED);
            assertThat(n.recipients()).contains(staff.userId(), manager.userId());
        });
        assertThat(taskStore.ofRecord("feedback", logged.id())).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("overdue");
            assertThat(accounts.findAll()).filteredOn(u -> u.id() == t.assigneeId()).singleElement()
                    .satisfies(u -> assertThat(u.hasRole(Role.MANAGER)).isTrue());
            assertThat(t.warning().zh()).contains("超过处理时限");
        });
        assertThat(timerQueue.pending("feedback", logged.id())).as("each fires once").isEmpty();
        assertThat(workflows.slaClock(staff, "feedback", logged.id()).orElseThrow().overdue())
                .as("the clock runs on real time; only the timers were fired early").isFalse();
    }

    @Test
    void aNotifyActionTellsTheHandlerTheComplaintIsOpenAgain() {
        Record logged = complaint(staff);
        Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        Record resolved = workflows.transition(staff, "feedback", logged.id(), "resolve", "已更换压缩机",
                taken.rowVersion());
        workflows.transition(manager, "feedback", logged.id(), "revisit_reopen", "客户反映噪音仍然存在",
                resolved.rowVersion());

        // The shipped workflow also tells channel "complaints" (a chat robot) when the complaint is taken on: nobody
        // in the app then, and the reopening goes to the same channel.
        List<WorkflowNotice> moves = events.stream(WorkflowNotice.class).filter(n -> n.recordId() == logged.id())
                .filter(n -> n.kind() == WorkflowNotice.Kind.TRANSITION).toList();
        assertThat(moves).extracting(WorkflowNotice::channel).containsExactly("complaints", "complaints");
        assertThat(moves.getFirst().recipients()).isEmpty();
        assertThat(moves).filteredOn(n -> !n.recipients().isEmpty()).singleElement()
                .satisfies(n -> {
                    assertThat(n.recipients()).containsExactly(staff.userId());
                    assertThat(n.message().zh()).contains("重新打开");
                });
    }

    @Test
    void aScheduledStepMovesTheRecordAsThePlatformOnlyFromItsState() {
        WorkflowDefinition shipped = catalog.forForm("feedback").orElseThrow();
        WorkflowTimer autoClose = new WorkflowTimer("auto_close", "resolved", Duration.ofDays(15), false,
                "revisit_ok");
        WorkflowDefinition withTimer = new WorkflowDefinition(shipped.id(), shipped.label(), shipped.form(),
                shipped.statusField(), shipped.calendar(), shipped.states(), shipped.transitions(),
                List.of(autoClose));
        Record logged = complaint(staff);
        Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        workflows.transition(staff, "feedback", logged.id(), "resolve", "已更换压缩机", taken.rowVersion());

        workflows.takeScheduledStep(withTimer, autoClose, records.get(manager, "feedback", logged.id()).orElseThrow());

        assertThat(records.get(manager, "feedback", logged.id()).orElseThrow().get("status")).isEqualTo("closed");
        assertThat(workflows.steps(manager, "feedback", logged.id())).last().satisfies(step -> {
            assertThat(step.transitionId()).isEqualTo("revisit_ok");
            assertThat(step.actedBy()).as("the platform, not a person").isNull();
        });
    }

    @Test
    void aSmallExchangeIsAcceptedAndCompletedWithItsResolution() {
        Record request = returnRequest("exchange", null);
        assertThat(request.get("status")).isEqualTo("submitted");
        assertThat(ids(workflows.allowedTransitions(staff, "return_request", request.id())))
                .containsExactly("accept", "decline");

        Record accepted = workflows.transition(staff, "return_request", request.id(), "accept", null,
                request.rowVersion());
        assertThat(accepted.get("handler")).isEqualTo(staff.userId());
        TransitionRefusedException noResolution = (TransitionRefusedException) catchThrowable(() -> workflows
                .transition(staff, "return_request", request.id(), "complete", null, accepted.rowVersion()));
        assertThat(noResolution.reason()).isEqualTo(Reason.FIELDS_MISSING);
        assertThat(noResolution.text().zh()).contains("处理结果");

        Record written = records.update(staff, "return_request", request.id(), accepted.rowVersion(),
                Map.of("resolution", "已为客户更换同型号新机"));
        Record done = workflows.transition(staff, "return_request", request.id(), "complete", null,
                written.rowVersion());
        assertThat(done.get("status")).isEqualTo("completed");
    }

    @Test
    void aLargeRefundWaitsForAManagerOtherThanWhoAskedAndIsThenProcessed() {
        Record request = returnRequest("refund", new java.math.BigDecimal("5800.00"));
        assertThat(ids(workflows.allowedTransitions(staff, "return_request", request.id())))
                .as("accepting a refund above ¥2,000 is not offered").containsExactly("ask_approval", "decline");
        TransitionRefusedException direct = (TransitionRefusedException) catchThrowable(() -> workflows
                .transition(staff, "return_request", request.id(), "accept", null, request.rowVersion()));
        assertThat(direct.reason()).isEqualTo(Reason.GUARD);
        assertThat(direct.text().zh()).contains("经理审批");

        Record asked = workflows.transition(staff, "return_request", request.id(), "ask_approval", "客户急需退款",
                request.rowVersion());
        assertThat(workflows.tasksOf(manager, "return_request", request.id())).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("approve_refund");
            assertThat(accounts.findAll()).filteredOn(u -> u.id() == t.assigneeId()).singleElement()
                    .satisfies(u -> assertThat(u.hasRole(Role.MANAGER)).isTrue());
        });
        assertThat(ids(workflows.allowedTransitions(staff, "return_request", request.id()))).isEmpty();
        assertThat(ids(workflows.allowedTransitions(manager, "return_request", request.id())))
                .containsExactly("approve", "refuse_refund");

        Record approved = workflows.transition(manager, "return_request", request.id(), "approve", null,
                asked.rowVersion());
        assertThat(approved.get("status")).isEqualTo("processing");
        assertThat(approved.get("approved_by")).isEqualTo(manager.userId());
        assertThat(workflows.tasksOf(manager, "return_request", request.id())).singleElement()
                .extracting(WorkflowTask::status).isEqualTo(WorkflowTask.Status.DONE);
        assertThat(notices(request.id())).filteredOn(n -> n.kind() == WorkflowNotice.Kind.TRANSITION)
                .singleElement().satisfies(n -> assertThat(n.recipients()).containsExactly(staff.userId()));
    }

    private Record returnRequest(String type, java.math.BigDecimal amount) {
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer);
        v.put("request_type", type);
        v.put("reason", "包装破损，客户要求" + (amount == null ? "换货 " : "退款 ") + SEQUENCE.incrementAndGet());
        v.put("amount", amount);
        return records.create(staff, "return_request", v);
    }

    @Test
    void theShippedAutomationsAreInForceAndRunOncePerDayAcrossNodes() {
        assertThat(catalog.automations()).extracting(Automation::id).contains("birthday_greetings",
                "key_customer_contact", "lifecycle_at_risk", "new_customer_welcome", "holiday_greetings",
                "lifecycle_first_purchase", "lifecycle_active", "lifecycle_recovered", "lifecycle_lost");
        long daily = catalog.automations().stream().filter(a -> a.trigger() == Automation.Trigger.DAILY).count();
        assertThat(daily).isGreaterThanOrEqualTo(8);
        Instant morning = Instant.parse("2031-03-04T00:30:00Z"); // 08:30 in Shanghai
        assertThat(automations.runDue(morning)).as("every daily one: their time (07:00–07:45) has come")
                .isEqualTo((int) daily);
        assertThat(automations.runDue(morning.plusSeconds(600))).as("claimed for the day").isZero();
    }

    @Test
    void aKeyCustomerNobodyContactedForAMonthGivesTheOwnerOneTaskNotOneADay() {
        long key = customerOf(staff, Map.of("level", "KEY"));
        long contacted = customerOf(staff, Map.of("level", "KEY"));
        Map<String, Object> call = new HashMap<>();
        call.put("customer", contacted);
        call.put("channel", "phone");
        call.put("occurred_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(3).withNano(0));
        call.put("summary", "电话回访，客户对新品感兴趣");
        records.create(staff, "interaction", call);
        Automation contact = automation("key_customer_contact");

        automations.runDaily(contact, LocalDate.now(), Instant.now());
        automations.runDaily(contact, LocalDate.now(), Instant.now().plusSeconds(86_400));

        assertThat(taskStore.ofRecord("customer", key)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("contact");
            assertThat(t.assigneeId()).isEqualTo(staff.userId());
            assertThat(t.title().zh()).contains("30 天");
        });
        assertThat(taskStore.ofRecord("customer", contacted)).as("contacted three days ago").isEmpty();
    }

    @Test
    void aBirthdayInTwoDaysGivesAGreetingsTask() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long soon = customerOf(staff, Map.of("birthday", today.plusDays(2).minusYears(40)));
        long later = customerOf(staff, Map.of("birthday", today.plusDays(20).minusYears(40)));

        automations.runDaily(automation("birthday_greetings"), today, Instant.now());

        assertThat(taskStore.ofRecord("customer", soon)).extracting(WorkflowTask::kind).containsExactly("greeting");
        assertThat(taskStore.ofRecord("customer", later)).isEmpty();
    }

    @Test
    void anActiveCustomerWithoutAPurchaseForHalfAYearMovesToAtRiskAndTheOwnerIsTold() {
        long quiet = customerOf(staff, Map.of("lifecycle_stage", "active"));
        long buying = customerOf(staff, Map.of("lifecycle_stage", "active"));
        purchase(quiet, LocalDate.now().minusDays(200));
        purchase(buying, LocalDate.now().minusDays(20));

        automations.runDaily(automation("lifecycle_at_risk"), LocalDate.now(), Instant.now());

        assertThat(records.get(manager, "customer", quiet).orElseThrow().get("lifecycle_stage")).isEqualTo("at_risk");
        assertThat(records.get(manager, "customer", buying).orElseThrow().get("lifecycle_stage")).isEqualTo("active");
        assertThat(notices(quiet)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(WorkflowNotice.Kind.MESSAGE);
            assertThat(n.recipients()).containsExactly(staff.userId());
        });
    }

    @Test
    void aNewCustomerGetsAWelcomeCallTaskWhenCreated() {
        long fresh = customerOf(staff, Map.of("lifecycle_stage", "new"));
        long prospect = customerOf(staff, Map.of("lifecycle_stage", "potential"));

        assertThat(taskStore.ofRecord("customer", fresh)).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("welcome");
            assertThat(t.assigneeId()).isEqualTo(staff.userId());
        });
        assertThat(taskStore.ofRecord("customer", prospect)).isEmpty();
    }

    private Automation automation(String id) {
        return catalog.automations().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private long customerOf(Actor owner, Map<String, Object> values) {
        Map<String, Object> c = new HashMap<>(values);
        c.put("name", "自动化测试客户" + SEQUENCE.incrementAndGet());
        c.put("customer_type", "company");
        c.put("phone", String.format("139%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        c.put("account_manager", owner.userId());
        return records.create(Actor.system("test"), "customer", c).id();
    }

    private void purchase(long customerId, LocalDate on) {
        records.create(Actor.system("test"), "purchase", Map.of("customer", customerId, "purchased_on", on,
                "product", "商用冰柜", "quantity", 1, "amount", new java.math.BigDecimal("3999.00")));
    }

    /** The notices to people about a record (not those only for a webhook channel, e.g. 投诉已受理 to a chat group). */
    /** The notices about complaint {@code recordId} (timers fired for other forms' records may share its id). */
    private List<WorkflowNotice> complaintNotices(long recordId) {
        return notices(recordId).stream().filter(n -> n.formId().equals("feedback")).toList();
    }

    private List<WorkflowNotice> notices(long recordId) {
        return events.stream(WorkflowNotice.class).filter(n -> n.recordId() == recordId)
                .filter(n -> !n.recipients().isEmpty() || n.channel() == null).toList();
    }

    @Test
    void aDefinitionThatDoesNotReadIsLeftOutAndTheOthersStay() {
        String shipped = ShippedWorkflows.read(ShippedWorkflows.WORKFLOWS.resolve("complaint_handling.json"));
        String broken = shipped.replace("\"to\": \"closed\"", "\"to\": \"archived\"");
        assertThat(broken).isNotEqualTo(shipped);

        assertThat(catalog.read(Map.of("complaint_handling.json", broken))).isEmpty();
        assertThat(catalog.read(Map.of("complaint_handling.json", shipped))).containsOnlyKeys("feedback");
    }

    @Test
    void aTaskNobodyIsEligibleForGoesToAManagerWithAWarning() {
        Record logged = complaint(staff);
        // Only the handler, and never the handler: nobody qualifies.
        ActorRule nobody = new ActorRule(Set.of(), false, List.of("handler"), List.of("handler"), false, null);
        WhoMayAct.RecordFacts facts = new WhoMayAct.RecordFacts(f -> "handler".equals(f) ? staff.userId() : null,
                "handler", staff.userId(), script -> true);

        TaskAssigner.Choice choice = assigner.choose(nobody, facts);
        assertThat(accounts.findAll()).filteredOn(u -> u.id() == choice.userId()).singleElement()
                .satisfies(u -> assertThat(u.hasRole(Role.MANAGER)).isTrue());
        taskStore.create(new TaskStore.NewTask("feedback", logged.id(), "complaint_handling", "revisit", "new",
                LocalizedText.of("回访客户", "Call the customer back"), choice.userId(), null, Instant.now(),
                choice.warningCode()));
        assertThat(taskStore.ofRecord("feedback", logged.id())).singleElement().extracting(WorkflowTask::warning)
                .isEqualTo(LocalizedText.of("没有符合条件的处理人，已转给经理",
                        "Nobody was eligible, so the task went to a manager"));
    }

    @Test
    void theInboxShowsOverdueTasksFirstAndPages() {
        String username = "wf" + SEQUENCE.incrementAndGet();
        accounts.create(username, "赵敏 Zhao Min", "pw-" + username + "-Long1", Set.of(Role.STAFF));
        Actor me = Actor.of(accounts.findByUsername(username).orElseThrow());
        teams.assign(Actor.system("test"), me.userId(), manager.userId());
        Record logged = complaint(staff);
        Instant now = Instant.now();
        List<String> kinds = List.of("later", "undated", "overdue", "soon");
        List<Instant> dues = java.util.Arrays.asList(now.plus(Duration.ofDays(2)), null,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofHours(1)));
        for (int i = 0; i < kinds.size(); i++) {
            taskStore.create(new TaskStore.NewTask("feedback", logged.id(), "complaint_handling", kinds.get(i), "new",
                    LocalizedText.of("任务", "Task"), me.userId(), dues.get(i), now, null));
        }

        List<WorkflowTask> inbox = workflows.openTasks(me, 0, 10);
        assertThat(inbox).extracting(WorkflowTask::kind).containsExactly("overdue", "soon", "later", "undated");
        assertThat(inbox).filteredOn(t -> t.overdueAt(now)).extracting(WorkflowTask::kind).containsExactly("overdue");
        assertThat(workflows.openTasks(me, 1, 2)).extracting(WorkflowTask::kind).containsExactly("soon", "later");
        // Someone else's inbox does not show them.
        assertThat(workflows.openTasks(manager, 0, 500)).extracting(WorkflowTask::assigneeId)
                .doesNotContain(me.userId());

        // The screens' queries: by kind with its count, the team view and its workload (managers only).
        assertThat(workflows.countOpenTasks(me, false, null)).isEqualTo(4);
        assertThat(workflows.countOpenTasks(me, false, "overdue")).isEqualTo(1);
        assertThat(workflows.openTasks(me, false, "soon", 0, 10)).extracting(WorkflowTask::kind)
                .containsExactly("soon");
        assertThat(workflows.teamWorkload(manager)).containsEntry(me.userId(), new TaskWorkload(4, 1));
        assertThat(workflows.teamWorkload(me)).as("staff see no team").isEmpty();
        assertThat(workflows.openTasks(manager, true, null, 0, 500)).extracting(WorkflowTask::assigneeId)
                .contains(me.userId());
        assertThat(workflows.openTasks(me, true, null, 0, 500)).as("staff asking for the team get their own")
                .extracting(WorkflowTask::assigneeId).containsOnly(me.userId());
        assertThat(workflows.countOpenTasks(manager, true, null)).isGreaterThanOrEqualTo(4);
    }

    @Autowired
    RecordActions recordActions;

    private List<Record> interactionsOf(long customerId) {
        List<Record> found = new ArrayList<>();
        bulk.forEach(Actor.system("test"), io.kehu.platform.records.RecordQuery.of("interaction"), List.of(), r -> {
            if (Long.valueOf(customerId).equals(r.get("customer"))) {
                found.add(r);
            }
        });
        return found;
    }

    private Record resolvedComplaint() {
        Record logged = complaint(staff);
        Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
        return workflows.transition(staff, "feedback", logged.id(), "resolve", "已电话指导客户重置设备",
                taken.rowVersion());
    }

    @Test
    void aRevisitIsArchivedOnTheCustomerAsAnInteractionByWhoeverDidIt() {
        Record resolved = resolvedComplaint();
        assertThat(interactionsOf(customer)).isEmpty();

        // The manager revisits a customer owned by the staff member: the workflow writes the record on their behalf.
        workflows.transition(manager, "feedback", resolved.id(), "revisit_ok", "客户确认已解决", resolved.rowVersion());

        assertThat(interactionsOf(customer)).singleElement().satisfies(revisit -> {
            assertThat(revisit.get("channel")).isEqualTo("phone");
            assertThat(revisit.get("staff")).isEqualTo(manager.userId());
            assertThat(String.valueOf(revisit.get("summary"))).startsWith("投诉回访：客户对处理结果满意");
            assertThat(revisit.get("occurred_at")).isNotNull();
            assertThat(revisit.createdBy()).as("written by the workflow, not as the person").isNull();
            assertThat(records.history(manager, "interaction", revisit.id())).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.changedByName()).isEqualTo("workflow:complaint_handling for manager"));
        });
        // The customer's owner sees the revisit in the archive.
        assertThat(records.get(staff, "interaction", interactionsOf(customer).get(0).id())).isPresent();
    }

    @Test
    void aRecordTheMoveCannotWriteRefusesTheWholeMoveWithWhy() {
        Record resolved = resolvedComplaint();
        // An interaction needs its customer: with the customer gone, the revisit's record cannot be written.
        Record gone = records.get(staff, "customer", customer).orElseThrow();
        records.delete(manager, "customer", customer, gone.rowVersion());

        Throwable refused = catchThrowable(() -> workflows.transition(manager, "feedback", resolved.id(), "revisit_ok",
                "客户确认已解决", resolved.rowVersion()));

        assertThat(refused).isInstanceOf(TransitionRefusedException.class);
        TransitionRefusedException why = (TransitionRefusedException) refused;
        assertThat(why.reason()).isEqualTo(Reason.ACTION_FAILED);
        assertThat(why.text().zh()).startsWith("“回访满意，关闭”未完成：新建“互动记录”记录时出错：");
        assertThat(why.text().en()).startsWith("\"Revisit done, close\" was not done: the new \"Interaction\" record");
        assertThat(records.get(manager, "feedback", resolved.id()).orElseThrow().get("status")).isEqualTo("resolved");
        assertThat(workflows.steps(manager, "feedback", resolved.id())).extracting(WorkflowStep::transitionId)
                .containsExactly("take", "resolve");
    }

    @Test
    void startWorkflowCreatesARecordInTheOtherProcessAtItsFirstStateAndNamesAMissingOne() {
        Record complaint = complaint(staff);
        var action = new WorkflowAction.StartWorkflow("customer_event_budget", Map.of(
                "name", "'客户关怀回访活动'", "kind", "'holiday_care'", "planned_on", "today.plusDays(7)",
                "invitees", "'本次投诉的客户'", "plan", "'上门致歉并赠送礼品'", "budget", "800",
                "organizer", "user.id"));
        int before = countEvents();

        boolean ran = recordActions.run(action, forms.published("feedback").orElseThrow(), complaint, staff,
                LocalizedText.of("测试", "Test"), "workflow:complaint_handling", "test");

        assertThat(ran).isTrue();
        assertThat(countEvents()).isEqualTo(before + 1);
        Record started = latestEvent();
        assertThat(started.get("status")).isEqualTo("draft");
        assertThat(started.get("organizer")).isEqualTo(staff.userId());
        assertThat(workflows.allowedTransitions(staff, "customer_event", started.id())).extracting(Transition::id)
                .contains("submit", "cancel");

        var missing = new WorkflowAction.StartWorkflow("no_such_process", Map.of());
        Throwable refused = catchThrowable(() -> recordActions.run(missing, forms.published("feedback").orElseThrow(),
                complaint, staff, LocalizedText.of("测试", "Test"), "workflow:complaint_handling", "test"));
        assertThat(((TransitionRefusedException) refused).text().zh())
                .isEqualTo("“测试”要启动的流程（no_such_process）当前未启用，请联系管理员");
    }

    private int countEvents() {
        AtomicInteger n = new AtomicInteger();
        bulk.forEach(Actor.system("test"), io.kehu.platform.records.RecordQuery.of("customer_event"), List.of(),
                r -> n.incrementAndGet());
        return n.get();
    }

    private Record latestEvent() {
        List<Record> all = new ArrayList<>();
        bulk.forEach(Actor.system("test"), io.kehu.platform.records.RecordQuery.of("customer_event"), List.of(),
                all::add);
        return all.stream().max(java.util.Comparator.comparingLong(Record::id)).orElseThrow();
    }

    private Record customerEvent(Actor organizer, int budget) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", "大客户联谊会 " + SEQUENCE.incrementAndGet());
        v.put("kind", "key_customer_gathering");
        v.put("planned_on", LocalDate.now().plusDays(30));
        v.put("invitees", "年采购额前 20 的客户，约 40 人");
        v.put("plan", "晚宴与新品体验");
        v.put("budget", new java.math.BigDecimal(budget));
        v.put("organizer", organizer.userId());
        return records.create(organizer, "customer_event", v);
    }

    @Test
    void anEventBudgetIsApprovedByAManagerAndThenFrozenWhileTheRestCanStillChange() {
        Record draft = customerEvent(staff, 8000);
        assertThat(draft.get("status")).isEqualTo("draft");
        Record waiting = workflows.transition(staff, "customer_event", draft.id(), "submit", null, draft.rowVersion());
        assertThat(workflows.tasksOf(manager, "customer_event", draft.id())).singleElement()
                .satisfies(t -> {
                    // A manager other than the organizer: the seeded one, or one another test added.
                    assertThat(t.assigneeId()).isNotEqualTo(staff.userId());
                    assertThat(accounts.findById(t.assigneeId()).orElseThrow().roles()).contains(Role.MANAGER);
                });

        // Awaiting approval nothing changes, by whichever path.
        Throwable locked = catchThrowable(() -> records.update(staff, "customer_event", draft.id(),
                waiting.rowVersion(), Map.of("budget", new java.math.BigDecimal(9000))));
        assertThat(locked).isInstanceOf(RecordRefusedException.class);
        assertThat(((RecordRefusedException) locked).text().zh()).isEqualTo("记录处于“待审批”时不能修改：预算");
        assertThat(((RecordRefusedException) locked).text().en())
                .isEqualTo("While the record is \"Awaiting approval\", these cannot be changed: Budget");
        assertThat(workflows.editableFields("customer_event", waiting)).contains(Set.of());

        assertThat(workflows.allowedTransitions(staff, "customer_event", draft.id())).extracting(Transition::id)
                .containsExactly("cancel");
        assertThat(workflows.allowedTransitions(manager, "customer_event", draft.id())).extracting(Transition::id)
                .containsExactly("approve", "send_back", "cancel");
        Record approved = workflows.transition(manager, "customer_event", draft.id(), "approve", null,
                waiting.rowVersion());
        assertThat(approved.get("status")).isEqualTo("approved");
        assertThat(approved.get("approved_by")).isEqualTo(manager.userId());

        // Approved: the budget and plan are fixed, the preparation details are not.
        Throwable budget = catchThrowable(() -> records.update(staff, "customer_event", draft.id(),
                approved.rowVersion(), Map.of("budget", new java.math.BigDecimal(12000), "location", "香格里拉酒店")));
        assertThat(((RecordRefusedException) budget).text().zh()).isEqualTo("记录处于“已批准，筹备中”时不能修改：预算");
        Record prepared = records.update(staff, "customer_event", draft.id(), approved.rowVersion(),
                Map.of("location", "香格里拉酒店"));
        assertThat(prepared.get("location")).isEqualTo("香格里拉酒店");
        assertThat(String.valueOf(prepared.get("budget"))).startsWith("8000.00");

        // Holding it asks for the actual cost and a review, saved with the move.
        Record held = workflows.transition(staff, "customer_event", draft.id(), "hold", null,
                Map.of("actual_cost", new java.math.BigDecimal(7650), "review", "到场 36 位客户，签约意向 5 家"),
                prepared.rowVersion());
        assertThat(held.get("status")).isEqualTo("held");
        assertThat(held.get("review")).isEqualTo("到场 36 位客户，签约意向 5 家");
    }

    @Test
    void aLargeEventBudgetIsCoApprovedByAManagerAndAnAdministratorAndNeverByItsOrganizer() {
        Record draft = customerEvent(staff, 50_000);
        Record waiting = workflows.transition(staff, "customer_event", draft.id(), "submit", null, draft.rowVersion());

        TransitionRefusedException tooLarge = (TransitionRefusedException) catchThrowable(() -> workflows.transition(
                manager, "customer_event", draft.id(), "approve", null, waiting.rowVersion()));
        assertThat(tooLarge.reason()).isEqualTo(Reason.GUARD);
        assertThat(tooLarge.text().zh()).isEqualTo("预算超过 ¥20,000，需由一位经理和一位管理员会签");
        // 会签: one task for a manager, one for an administrator, neither the organizer.
        List<WorkflowTask> seats = workflows.tasksOf(manager, "customer_event", draft.id()).stream()
                .filter(t -> t.kind().equals("large_budget_approval")).toList();
        assertThat(seats).hasSize(2).extracting(WorkflowTask::assigneeId).doesNotContain(staff.userId());
        Actor first = Actor.of(accounts.findById(seats.get(0).assigneeId()).orElseThrow());
        Actor second = Actor.of(accounts.findById(seats.get(1).assigneeId()).orElseThrow());
        assertThat(first.hasRole(Role.MANAGER)).isTrue();
        assertThat(second.hasRole(Role.ADMIN)).isTrue();
        assertThat(workflows.allowedTransitions(staff, "customer_event", draft.id())).extracting(Transition::id)
                .doesNotContain("approve", "approve_large");
        assertThat(workflows.allowedTransitions(first, "customer_event", draft.id())).extracting(Transition::id)
                .contains("approve_large").doesNotContain("approve");

        Record half = workflows.transition(first, "customer_event", draft.id(), "approve_large", "同意",
                waiting.rowVersion());
        assertThat(half.get("status")).isEqualTo("awaiting_approval");
        assertThat(workflows.transition(second, "customer_event", draft.id(), "approve_large", "同意，注意控制人数",
                half.rowVersion()).get("approved_by")).isEqualTo(second.userId());

        // A manager who organizes an event cannot approve it themselves.
        Record own = customerEvent(manager, 5000);
        workflows.transition(manager, "customer_event", own.id(), "submit", null, own.rowVersion());
        assertThat(workflows.allowedTransitions(manager, "customer_event", own.id())).extracting(Transition::id)
                .doesNotContain("approve", "send_back");
    }

    private Actor account(String name, Role role) {
        String username = "team" + SEQUENCE.incrementAndGet();
        accounts.create(username, name, "pw-" + username + "-Long1", Set.of(role));
        return Actor.of(accounts.findByUsername(username).orElseThrow());
    }

    private long openTask(Actor assignee, Record on, Instant due) {
        return taskStore.create(new TaskStore.NewTask("feedback", on.id(), "complaint_handling", "revisit", "resolved",
                LocalizedText.of("回访", "Revisit"), assignee.userId(), due, Instant.now(), null));
    }

    @Test
    void aManagerSeesTheTasksAndOverdueCountsOfTheirTeamOnlyAndAdminsSeeAll() {
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        Actor lead = account("周经理 Zhou", Role.MANAGER);
        Actor direct = account("钱一 Qian", Role.STAFF);
        Actor subLead = account("孙组长 Sun", Role.MANAGER);
        Actor indirect = account("吴二 Wu", Role.STAFF);
        Actor outsider = account("郑三 Zheng", Role.STAFF);
        teams.assign(admin, direct.userId(), lead.userId());
        teams.assign(admin, subLead.userId(), lead.userId());
        teams.assign(admin, indirect.userId(), subLead.userId());
        Record logged = complaint(staff);
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        long directTask = openTask(direct, logged, yesterday);
        long indirectTask = openTask(indirect, logged, Instant.now().plus(Duration.ofDays(1)));
        long outsiderTask = openTask(outsider, logged, yesterday);
        openTask(lead, logged, null);

        assertThat(teams.members(lead.userId())).containsExactlyInAnyOrder(direct.userId(), subLead.userId(),
                indirect.userId());
        assertThat(workflows.teamWorkload(lead)).containsOnlyKeys(lead.userId(), direct.userId(), indirect.userId())
                .containsEntry(direct.userId(), new TaskWorkload(1, 1))
                .containsEntry(indirect.userId(), new TaskWorkload(1, 0));
        assertThat(workflows.openTasks(lead, true, null, 0, 500)).extracting(WorkflowTask::assigneeId)
                .containsOnly(lead.userId(), direct.userId(), indirect.userId());
        assertThat(workflows.countOpenTasks(lead, true, null)).isEqualTo(3);
        assertThat(workflows.teamWorkload(subLead)).containsOnlyKeys(indirect.userId());
        // One task by id follows the same rule: the team's, not an outsider's.
        assertThat(workflows.task(lead, directTask)).isPresent();
        assertThat(workflows.task(lead, indirectTask)).isPresent();
        assertThat(workflows.task(lead, outsiderTask)).isEmpty();
        assertThat(workflows.task(outsider, directTask)).isEmpty();
        // Administrators see everyone.
        assertThat(workflows.teamWorkload(admin)).containsKeys(direct.userId(), indirect.userId(), outsider.userId());
        assertThat(workflows.task(admin, outsiderTask)).isPresent();
    }

    @Test
    void onlyAdminsFormTeamsAndATeamNeedsAnEnabledManagerAndNoCircle() {
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        Actor lead = account("冯经理 Feng", Role.MANAGER);
        Actor member = account("陈四 Chen", Role.STAFF);
        Actor colleague = account("褚五 Chu", Role.STAFF);

        assertThat(catchThrowable(() -> teams.assign(manager, member.userId(), lead.userId())))
                .isInstanceOf(io.kehu.platform.security.AccessRefusedException.class);
        Throwable notAManager = catchThrowable(() -> teams.assign(admin, member.userId(), colleague.userId()));
        assertThat(((io.kehu.platform.security.TeamChangeRefusedException) notAManager)
                .message(java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("“褚五 Chu”不是经理或管理员，不能带团队");
        assertThat(catchThrowable(() -> teams.assign(admin, lead.userId(), lead.userId())))
                .isInstanceOf(io.kehu.platform.security.TeamChangeRefusedException.class);
        teams.assign(admin, member.userId(), lead.userId());
        Actor upper = account("卫总 Wei", Role.MANAGER);
        teams.assign(admin, upper.userId(), lead.userId());
        Throwable circle = catchThrowable(() -> teams.assign(admin, lead.userId(), upper.userId()));
        assertThat(((io.kehu.platform.security.TeamChangeRefusedException) circle).message(java.util.Locale.ENGLISH))
                .contains("reports to");
        assertThat(teams.managerOf(member.userId())).contains(lead.userId());
        assertThat(teams.managerOf(lead.userId())).isEmpty();
        teams.assign(admin, member.userId(), null);
        assertThat(teams.managerOf(member.userId())).isEmpty();
    }

    @Test
    void aMissedDeadlineGoesToTheHandlersOwnManagerElseToAnyManagerWithAWarning() {
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        Actor lead = account("蒋经理 Jiang", Role.MANAGER);
        Long before = teams.managerOf(staff.userId()).orElse(null);
        try {
            teams.assign(admin, staff.userId(), lead.userId());
            Record logged = complaint(staff);
            workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
            Instant breach = timerQueue.pending("feedback", logged.id()).stream()
                    .filter(t -> t.kind().equals(StateClocks.SLA_BREACH)).findFirst().orElseThrow().dueAt();
            dueTimers.fireAllDue(breach.plusSeconds(60));

            assertThat(taskStore.ofRecord("feedback", logged.id())).singleElement().satisfies(t -> {
                assertThat(t.kind()).isEqualTo("overdue");
                assertThat(t.assigneeId()).as("the handler's own manager, however busy").isEqualTo(lead.userId());
                assertThat(t.warning().zh()).isEqualTo("已超过处理时限，转给经理");
            });
            assertThat(complaintNotices(logged.id())).last().satisfies(n -> {
                assertThat(n.kind()).isEqualTo(WorkflowNotice.Kind.DEADLINE_MISSED);
                assertThat(n.recipients()).as("the handler and their manager, not every manager")
                        .containsExactlyInAnyOrder(staff.userId(), lead.userId());
            });

            // Without a manager: the least busy manager gets it, and the task says why.
            teams.assign(admin, staff.userId(), null);
            Record second = complaint(staff);
            workflows.transition(staff, "feedback", second.id(), "take", null, second.rowVersion());
            dueTimers.fireAllDue(timerQueue.pending("feedback", second.id()).stream()
                    .filter(t -> t.kind().equals(StateClocks.SLA_BREACH)).findFirst().orElseThrow().dueAt()
                    .plusSeconds(60));
            assertThat(taskStore.ofRecord("feedback", second.id())).singleElement().satisfies(t -> {
                assertThat(accounts.findById(t.assigneeId()).orElseThrow().roles()).contains(Role.MANAGER);
                assertThat(t.warning().zh()).isEqualTo("已超过处理时限；负责人没有设置经理，已转给其他经理");
            });
            assertThat(complaintNotices(second.id())).last().satisfies(n -> assertThat(n.recipients())
                    .as("every manager").containsAll(assigner.managers()));
        } finally {
            teams.assign(admin, staff.userId(), before);
        }
    }

    @Test
    void aTaskNobodyIsEligibleForGoesToTheOwnersManagerElseAnyManagerWithAWarning() {
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        Actor lead = account("沈经理 Shen", Role.MANAGER);
        Actor member = account("韩六 Han", Role.STAFF);
        ActorRule nobody = new ActorRule(Set.of(), false, List.of("handler"), List.of("handler"), false, null);
        WhoMayAct.RecordFacts facts = new WhoMayAct.RecordFacts(f -> "handler".equals(f) ? member.userId() : null,
                "handler", null, script -> true);

        TaskAssigner.Choice orphan = assigner.choose(nobody, facts);
        assertThat(accounts.findById(orphan.userId()).orElseThrow().roles()).contains(Role.MANAGER);
        assertThat(orphan.warningCode()).isEqualTo("noEligibleNoManager");

        teams.assign(admin, member.userId(), lead.userId());
        TaskAssigner.Choice choice = assigner.choose(nobody, facts);
        assertThat(choice.userId()).isEqualTo(lead.userId());
        assertThat(choice.warningCode()).isEqualTo("noEligibleAssignee");
    }

    private Instant breachOf(long recordId) {
        return timerQueue.pending("feedback", recordId).stream().filter(t -> t.kind().equals(StateClocks.SLA_BREACH))
                .findFirst().orElseThrow().dueAt();
    }

    @Test
    void waitingForTheCustomerPausesTheResolutionDeadlineByExactlyTheTimeWaited() {
        var calendar = calendars.of(catalog.forForm("feedback").orElseThrow());
        // A Monday 10:00 in Shanghai, in a year whose holidays are not entered (weekdays only): nothing in the way.
        Instant takenAt = Instant.parse("2031-03-03T02:00:00Z");
        Instant waitingFrom = takenAt.plus(Duration.ofHours(2));
        Instant repliedAt = Instant.parse("2031-03-06T02:00:00Z"); // Thursday 10:00
        Record logged = complaint(staff);
        try {
            workflowClock.set(java.time.Clock.fixed(takenAt, ZoneOffset.UTC));
            Record taken = workflows.transition(staff, "feedback", logged.id(), "take", null, logged.rowVersion());
            Instant firstDeadline = breachOf(logged.id());
            assertThat(firstDeadline).isEqualTo(calendar.plusWorkingTime(takenAt, Duration.ofHours(48)));

            workflowClock.set(java.time.Clock.fixed(waitingFrom, ZoneOffset.UTC));
            assertThat(ids(workflows.allowedTransitions(staff, "feedback", logged.id())))
                    .containsExactly("resolve", "wait_customer");
            Record waiting = workflows.transition(staff, "feedback", logged.id(), "wait_customer",
                    "已请客户提供购买凭证", taken.rowVersion());
            assertThat(waiting.get("status")).isEqualTo("waiting_customer");
            assertThat(timerQueue.pending("feedback", logged.id())).as("no clock runs while waiting").isEmpty();
            assertThat(workflows.slaClock(staff, "feedback", logged.id())).isEmpty();
            // The old deadline passes while waiting: the real timers find nothing to fire for this complaint.
            dueTimers.fireAllDue(firstDeadline.plusSeconds(60));
            assertThat(taskStore.ofRecord("feedback", logged.id())).isEmpty();
            assertThat(complaintNotices(logged.id())).extracting(WorkflowNotice::kind)
                    .doesNotContain(WorkflowNotice.Kind.DEADLINE_MISSED);

            workflowClock.set(java.time.Clock.fixed(repliedAt, ZoneOffset.UTC));
            workflows.transition(staff, "feedback", logged.id(), "customer_replied", "客户已补充凭证",
                    waiting.rowVersion());
            Instant resumedDeadline = breachOf(logged.id());
            // Two of the 48 working hours were used before the pause: 46 are left from the reply.
            assertThat(resumedDeadline).isEqualTo(calendar.plusWorkingTime(repliedAt, Duration.ofHours(46)));
            assertThat(calendar.workingTimeBetween(firstDeadline, resumedDeadline))
                    .as("the deadline moved by the working time spent waiting")
                    .isEqualTo(calendar.workingTimeBetween(waitingFrom, repliedAt));
            SlaClock clock = workflows.slaClock(staff, "feedback", logged.id()).orElseThrow();
            assertThat(clock.dueAt()).as("the record view's clock agrees with the timer").isEqualTo(resumedDeadline);
            assertThat(clock.overdue()).isFalse();

            dueTimers.fireAllDue(resumedDeadline.minusSeconds(60));
            assertThat(taskStore.ofRecord("feedback", logged.id())).as("not yet").isEmpty();
            dueTimers.fireAllDue(resumedDeadline.plusSeconds(60));
            assertThat(taskStore.ofRecord("feedback", logged.id())).singleElement()
                    .satisfies(t -> assertThat(t.kind()).isEqualTo("overdue"));
            assertThat(complaintNotices(logged.id())).last().extracting(WorkflowNotice::kind)
                    .isEqualTo(WorkflowNotice.Kind.DEADLINE_MISSED);
        } finally {
            workflowClock.reset();
        }
    }

    @Test
    void anAutomationsCreateRecordWritesTheRecordThroughTheWritePathAndARefusedOneKeepsTheOthers() {
        String name = "自动拜访客户" + SEQUENCE.incrementAndGet();
        long visited = namedCustomer(name);
        // A second match whose interaction cannot be written: without a summary, which the form requires.
        String unwritable = name + "乙";
        long refusedOne = namedCustomer(unwritable);
        Automation plan = new Automation("test_visit_plan", LocalizedText.of("安排拜访", "Plan a visit"), "customer",
                Automation.Trigger.DAILY, java.time.LocalTime.of(7, 0),
                "record.name == '" + name + "' || record.name == '" + unwritable + "'", Duration.ofDays(30),
                List.of(new WorkflowAction.CreateRecord("interaction", Map.of(
                        "customer", "record.id", "channel", "'visit'", "occurred_at", "now",
                        "staff", "record.account_manager",
                        "summary", "record.name == '" + unwritable + "' ? null : '例行拜访：' + record.name"))));

        int acted = automations.runDaily(plan, LocalDate.now(), Instant.now());

        assertThat(acted).as("one written, the other refused in its own transaction").isEqualTo(1);
        assertThat(interactionsOf(visited)).singleElement().satisfies(visit -> {
            assertThat(visit.get("channel")).isEqualTo("visit");
            assertThat(visit.get("staff")).isEqualTo(staff.userId());
            assertThat(visit.get("summary")).isEqualTo("例行拜访：" + name);
            assertThat(records.history(manager, "interaction", visit.id())).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.changedByName()).isEqualTo("automation"));
            // The owner sees it in the customer's archive.
            assertThat(records.get(staff, "interaction", visit.id())).isPresent();
        });
        assertThat(interactionsOf(refusedOne)).isEmpty();
        assertThat(automations.runDaily(plan, LocalDate.now(), Instant.now())).as("once a month").isZero();
        assertThat(interactionsOf(visited)).hasSize(1);
    }

    private long namedCustomer(String name) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", name);
        c.put("customer_type", "company");
        c.put("phone", String.format("137%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        c.put("account_manager", staff.userId());
        return records.create(Actor.system("test"), "customer", c).id();
    }

    private String stageOf(long customerId) {
        return String.valueOf(records.get(staff, "customer", customerId).orElseThrow().get("lifecycle_stage"));
    }

    @Test
    void lifecycleStagesMoveByPurchasesFromPotentialToNewToActiveAndFromAtRiskBackOrToLost() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long prospect = customerOf(staff, Map.of("lifecycle_stage", "potential"));
        purchase(prospect, today.minusDays(3));
        long stillProspect = customerOf(staff, Map.of("lifecycle_stage", "potential"));
        long boughtTwice = customerOf(staff, Map.of("lifecycle_stage", "new"));
        purchase(boughtTwice, today.minusDays(40));
        purchase(boughtTwice, today.minusDays(2));
        long back = customerOf(staff, Map.of("lifecycle_stage", "at_risk"));
        purchase(back, today.minusDays(10));
        long gone = customerOf(staff, Map.of("lifecycle_stage", "at_risk"));
        purchase(gone, today.minusDays(400));
        long wavering = customerOf(staff, Map.of("lifecycle_stage", "at_risk"));
        purchase(wavering, today.minusDays(200));

        for (String id : List.of("lifecycle_first_purchase", "lifecycle_active", "lifecycle_recovered",
                "lifecycle_lost")) {
            automations.runDaily(automation(id), today, Instant.now());
        }

        assertThat(stageOf(prospect)).as("a first purchase: new, not yet active").isEqualTo("new");
        assertThat(stageOf(stillProspect)).isEqualTo("potential");
        assertThat(stageOf(boughtTwice)).isEqualTo("active");
        assertThat(stageOf(back)).isEqualTo("active");
        assertThat(stageOf(gone)).isEqualTo("lost");
        assertThat(stageOf(wavering)).isEqualTo("at_risk");
        List<WorkflowNotice> goneNotices = notices(gone).stream().filter(n -> n.formId().equals("customer")).toList();
        assertThat(goneNotices).extracting(n -> n.message().zh()).containsExactly("客户已超过一年没有购买，已标记为“已流失”");
        assertThat(goneNotices).singleElement().satisfies(n -> assertThat(n.recipients())
                .containsExactly(staff.userId()));
    }

    @Test
    void aPublicHolidayWithinThreeDaysGivesKeyAndNormalCustomersAGreetingsTask() {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        // The rule counts from today: whether a greeting is due now depends on the calendar's next holiday.
        boolean holidaySoon = io.kehu.platform.calendar.BusinessCalendars.chinaMainland().nextHolidayStart(today)
                .map(day -> java.time.temporal.ChronoUnit.DAYS.between(today, day.date()) <= 3).orElse(false);
        long key = customerOf(staff, Map.of("level", "KEY"));
        long prospect = customerOf(staff, Map.of("level", "POTENTIAL"));

        automations.runDaily(automation("holiday_greetings"), today, Instant.now());

        assertThat(taskStore.ofRecord("customer", key)).filteredOn(t -> t.kind().equals("holiday_greeting"))
                .hasSize(holidaySoon ? 1 : 0).allSatisfy(t -> assertThat(t.assigneeId()).isEqualTo(staff.userId()));
        assertThat(taskStore.ofRecord("customer", prospect)).filteredOn(t -> t.kind().equals("holiday_greeting"))
                .isEmpty();
    }

    /** What the tiering plugin's {@code tier} functions answer with its default entitlements, for the visits. */
    public static final class TierEntitlements {
        public long entitlementNumber(String level, String key) {
            return "KEY".equals(level) && "visitsPerYear".equals(key) ? 12 : 0;
        }
    }

    @Test
    void scheduledVisitsFollowTheTierEntitlementsAndWaitForTheTierFunctions() {
        var beans = (org.springframework.beans.factory.support.DefaultListableBeanFactory)
                ((org.springframework.context.ConfigurableApplicationContext) context).getBeanFactory();
        boolean pluginRunning = catalog.automations().stream().anyMatch(a -> a.id().equals("tier_scheduled_visits"));
        if (!pluginRunning) {
            // Without the tiering plugin the automation cannot read ("tier" is unknown): left out, nothing fails.
            assertThat(catalog.automations()).extracting(Automation::id).doesNotContain("tier_scheduled_visits");
            assertThat(catalog.waitingAutomations()).as("waits for the plugin's functions, named in its needs")
                    .containsEntry("tier_scheduled_visits", List.of("tier"));
            beans.registerSingleton("testTierFunctions",
                    (io.kehu.platform.rules.RuleFunctionSource) () -> Map.of("tier", new TierEntitlements()));
            context.publishEvent(new io.kehu.platform.rules.RuleFunctionsChanged("test: tier functions"));
        }
        try {
            assertThat(catalog.automations()).extracting(Automation::id).contains("tier_scheduled_visits");
            assertThat(catalog.waitingAutomations()).doesNotContainKey("tier_scheduled_visits");
            long unvisited = customerOf(staff, Map.of("level", "KEY"));
            long visited = customerOf(staff, Map.of("level", "KEY"));
            Map<String, Object> visit = new HashMap<>();
            visit.put("customer", visited);
            visit.put("channel", "visit");
            visit.put("occurred_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(5).withNano(0));
            visit.put("summary", "上门拜访，了解下季度需求");
            records.create(staff, "interaction", visit);

            automations.runDaily(automation("tier_scheduled_visits"), LocalDate.now(), Instant.now());

            assertThat(taskStore.ofRecord("customer", unvisited)).filteredOn(t -> t.kind().equals("scheduled_visit"))
                    .singleElement().satisfies(t -> {
                        assertThat(t.assigneeId()).isEqualTo(staff.userId());
                        assertThat(t.title().zh()).isEqualTo("按客户等级定期拜访：已到约定的拜访周期");
                    });
            assertThat(taskStore.ofRecord("customer", visited)).as("visited five days ago, 12 visits a year")
                    .filteredOn(t -> t.kind().equals("scheduled_visit")).isEmpty();
        } finally {
            if (!pluginRunning) {
                beans.destroySingleton("testTierFunctions");
                context.publishEvent(new io.kehu.platform.rules.RuleFunctionsChanged("test: tier functions gone"));
            }
        }
    }
}
