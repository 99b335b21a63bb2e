package io.kehu.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.webhooks.delivery.Courier;
import io.kehu.platform.webhooks.delivery.RetrySchedule;
import io.kehu.platform.webhooks.outbox.OutboxEvent;
import io.kehu.platform.webhooks.outbox.OutboxStore;
import io.kehu.platform.workflow.Workflows;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end on a real database and a real HTTP receiver: the outbox is written with the change (and not
 * at all when it rolls back), deliveries are signed (checked with an independent HMAC), retried on the documented
 * schedule with an injected clock, replayed with the same id, switched off after repeated failures, formatted for
 * chat robots, and never sent twice by two pollers.
 */
abstract class WebhooksContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Webhooks webhooks;
    @Autowired
    Courier courier;
    @Autowired
    OutboxStore outbox;
    @Autowired
    Records records;
    @Autowired
    io.kehu.platform.records.BulkRecords bulk;
    @Autowired
    Workflows workflows;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.springframework.context.ApplicationEventPublisher springEvents;
    @Autowired
    DSLContext dsl;

    Actor admin;
    Actor staff;
    Receiver receiver;
    /** Later than every due time the real clock gave the outbox's rows. */
    Instant t0;

    @BeforeEach
    void setUp() throws Exception {
        if (forms.published("feedback").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "webhook tests");
        }
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        // Each test watches only its own endpoint.
        for (WebhookEndpoint e : webhooks.endpoints(admin)) {
            webhooks.enable(admin, e.id(), false);
        }
        courier.useSchedule(new RetrySchedule(() -> 0.5)); // jitter fixed at 5 %
        receiver = new Receiver();
        t0 = Instant.now().plusSeconds(1);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Webhooks.NewSecret endpoint(PayloadFormat format, String form, EventType... types) {
        return webhooks.addEndpoint(admin, new EndpointSettings(receiver.url(), "test", format, Set.of(types),
                Set.of(form)));
    }

    private Webhooks.NewSecret customerEndpoint() {
        return endpoint(PayloadFormat.STANDARD, "customer", EventType.RECORD_CREATED, EventType.RECORD_UPDATED,
                EventType.RECORD_DELETED);
    }

    private Record customer(String name) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", name);
        c.put("customer_type", "company");
        c.put("phone", String.format("139%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        c.put("account_manager", staff.userId());
        return records.create(staff, "customer", c);
    }

    private static String unique(String name) {
        return name + SEQUENCE.incrementAndGet();
    }

    @Test
    void eventsAreWrittenWithTheChangeInOrderAndSmall() {
        customerEndpoint();
        Record created = customer(unique("华润食品"));
        Record updated = records.update(staff, "customer", created.id(), created.rowVersion(),
                Map.of("customer_type", "person"));
        records.delete(staff, "customer", created.id(), updated.rowVersion());

        List<OutboxEvent> events = outbox.eventsOf("customer", created.id());
        assertThat(events).extracting(OutboxEvent::kind).containsExactly(EventType.RECORD_CREATED,
                EventType.RECORD_UPDATED, EventType.RECORD_DELETED);
        assertThat(events).extracting(OutboxEvent::sequence).containsExactly(1L, 2L, 3L);
        JsonNode update = JSON.readTree(events.get(1).payload());
        assertThat(update.path("type").asString()).isEqualTo("record.updated");
        assertThat(update.path("data").path("recordId").asLong()).isEqualTo(created.id());
        assertThat(update.path("data").path("formLabel").path("zh").asString()).isEqualTo("客户");
        assertThat(update.path("data").path("title").asString()).startsWith("华润食品");
        assertThat(update.path("data").path("changed").propertyNames()).containsExactly("customer_type");
        assertThat(update.path("data").path("changed").path("customer_type").asString()).isEqualTo("person");

        assertThat(webhooks.deliverDue(t0)).isEqualTo(3);
        assertThat(receiver.requests).extracting(Receiver.Request::id)
                .containsExactly(events.get(0).id(), events.get(1).id(), events.get(2).id());
    }

    @Test
    void aBulkWriteGivesOneEventPerRecordInOrder() {
        customerEndpoint();
        List<Long> ids = new ArrayList<>();
        bulk.batch(staff, null, null, b -> {
            for (int i = 0; i < 3; i++) {
                Map<String, Object> c = new HashMap<>();
                c.put("name", unique("导入客户"));
                c.put("phone", String.format("137%08d", SEQUENCE.incrementAndGet() % 100_000_000));
                c.put("customer_type", "company");
                c.put("account_manager", staff.userId());
                b.create("customer", c);
            }
        });
        bulk.forEach(staff, io.kehu.platform.records.RecordQuery.of("customer"), List.of("name"), r -> {
            if (String.valueOf(r.get("name")).startsWith("导入客户")) {
                ids.add(r.id());
            }
        });
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3);
        long id = ids.getLast();
        Record seen = records.get(staff, "customer", id).orElseThrow();
        bulk.batch(staff, null, null, b -> b.update("customer", id, seen.rowVersion(),
                Map.of("customer_type", "person")));
        List<OutboxEvent> events = outbox.eventsOf("customer", id);
        assertThat(events).extracting(OutboxEvent::kind, OutboxEvent::sequence).containsExactly(
                tuple(EventType.RECORD_CREATED, 1L), tuple(EventType.RECORD_UPDATED, 2L));
        assertThat(JSON.readTree(events.get(1).payload()).path("data").path("changedFields").get(0).asString())
                .isEqualTo("customer_type");
    }

    @Test
    void after30DaysFinishedEventsAndTheirAttemptsAreForgotten() {
        customerEndpoint();
        receiver.answer(500, 500);
        Record done = customer(unique("已送达客户"));
        Record waiting = customer(unique("待重试客户"));
        webhooks.deliverDue(t0); // both fail
        receiver.answer(200, 500);
        webhooks.deliverDue(t0.plusSeconds(6)); // the first succeeds on its retry, the other waits for the next
        // Other tests' finished events go too, so only a lower bound on the count.
        assertThat(courier.purgeBefore(t0.plus(Duration.ofDays(31)))).isPositive();
        assertThat(outbox.eventsOf("customer", done.id())).isEmpty();
        assertThat(outbox.eventsOf("customer", waiting.id())).hasSize(1); // still pending: kept
        assertThat(webhooks.countAttempts(admin, webhooks.endpoints(admin).getLast().id())).isZero();
    }

    @Test
    void withoutASubscriberNothingIsWritten() {
        endpoint(PayloadFormat.STANDARD, "feedback", EventType.RECORD_CREATED);
        Record created = customer(unique("无人订阅"));
        assertThat(outbox.eventsOf("customer", created.id())).isEmpty();
    }

    @Test
    void aRolledBackWriteLeavesNoEventAndSendsNothing() {
        customerEndpoint();
        AtomicLong id = new AtomicLong();
        Throwable refused = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
            id.set(customer(unique("回滚公司")).id());
            assertThat(outbox.eventsOf("customer", id.get())).hasSize(1); // written inside the transaction
            throw new IllegalStateException("the caller's later step failed");
        }));
        assertThat(refused).hasMessageContaining("later step failed");
        assertThat(id.get()).isPositive();
        assertThat(outbox.eventsOf("customer", id.get())).isEmpty();
        assertThat(webhooks.deliverDue(t0)).isZero();
        assertThat(receiver.requests).isEmpty();
    }

    @Test
    void aFailedDeliveryIsRetriedOnScheduleWithSignaturesPerAttempt() throws Exception {
        Webhooks.NewSecret endpoint = customerEndpoint();
        receiver.answer(500, 503);
        customer(unique("深圳湾科技"));

        assertThat(webhooks.deliverDue(t0)).isEqualTo(1);
        // First retry 5 s later plus the (fixed) 5 % jitter: not before, then yes.
        assertThat(webhooks.deliverDue(t0.plusMillis(5_249))).isZero();
        assertThat(webhooks.deliverDue(t0.plusMillis(5_250))).isEqualTo(1);
        Instant second = t0.plusMillis(5_250);
        // Second retry 5 min (+5 %) after the second failure.
        assertThat(webhooks.deliverDue(second.plus(Duration.ofSeconds(314)))).isZero();
        Instant third = second.plus(Duration.ofSeconds(315));
        assertThat(webhooks.deliverDue(third)).isEqualTo(1);
        assertThat(webhooks.deliverDue(third.plus(Duration.ofDays(3)))).isZero(); // it succeeded, nothing left

        assertThat(receiver.requests).hasSize(3);
        assertThat(receiver.requests).extracting(Receiver.Request::id).containsOnly(receiver.requests.get(0).id());
        assertThat(receiver.requests).extracting(Receiver.Request::timestamp).containsExactly(
                Long.toString(t0.getEpochSecond()), Long.toString(second.getEpochSecond()),
                Long.toString(third.getEpochSecond()));
        for (Receiver.Request r : receiver.requests) {
            assertThat(r.signature()).isEqualTo("v1," + independentHmac(endpoint.secret(), r));
        }
        List<WebhookAttempt> attempts = webhooks.attempts(admin, endpoint.endpointId(), 0, 10);
        assertThat(attempts).extracting(WebhookAttempt::attempt).containsExactly(3, 2, 1);
        assertThat(attempts).extracting(WebhookAttempt::statusCode).containsExactly(200, 503, 500);
        assertThat(attempts.get(0).responseExcerpt()).isEqualTo("{\"answer\":200}");
        assertThat(attempts.get(0).deliveryStatus()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(webhooks.countAttempts(admin, endpoint.endpointId())).isEqualTo(3);
        assertThat(webhooks.endpoint(admin, endpoint.endpointId()).orElseThrow().consecutiveFailures()).isZero();
    }

    @Test
    void duringARotationBothSecretsSign() throws Exception {
        Webhooks.NewSecret first = customerEndpoint();
        Webhooks.NewSecret second = webhooks.rotateSecret(admin, first.endpointId());
        assertThat(second.secret()).startsWith("whsec_").isNotEqualTo(first.secret());
        customer(unique("杭州云栖"));
        webhooks.deliverDue(t0);

        Receiver.Request r = receiver.requests.getFirst();
        assertThat(r.signature().split(" ")).containsExactly("v1," + independentHmac(second.secret(), r),
                "v1," + independentHmac(first.secret(), r));
        assertThat(webhooks.endpoint(admin, first.endpointId()).orElseThrow().rotating()).isTrue();
    }

    @Test
    void replaySendsTheSameEventAgainAndReplayAllTakesTheFailedOnes() {
        Webhooks.NewSecret endpoint = customerEndpoint();
        receiver.otherwise(500);
        customer(unique("成都天府"));
        Instant at = t0;
        for (int i = 0; i < 8; i++) { // the first attempt and seven retries
            webhooks.deliverDue(at);
            at = at.plus(Duration.ofHours(11));
        }
        assertThat(receiver.requests).hasSize(8);
        assertThat(webhooks.countDeliveries(admin, endpoint.endpointId(), DeliveryStatus.FAILED)).isEqualTo(1);
        assertThat(webhooks.deliverDue(at.plus(Duration.ofDays(2)))).isZero();

        receiver.otherwise(200);
        assertThat(webhooks.replayFailed(admin, endpoint.endpointId())).isEqualTo(1);
        Instant now = at.plus(Duration.ofDays(3)); // replays are due at once (the real clock), so due by then
        assertThat(webhooks.deliverDue(now)).isEqualTo(1);
        assertThat(receiver.requests).hasSize(9);
        assertThat(receiver.countsById()).hasSize(1); // one event, one id on every try
        long delivery = webhooks.attempts(admin, endpoint.endpointId(), 0, 1).getFirst().deliveryId();
        assertThat(webhooks.replay(admin, delivery)).isTrue();
        assertThat(webhooks.deliverDue(now.plusSeconds(1))).isEqualTo(1);
        assertThat(receiver.countsById().values()).containsExactly(10L);
        assertThat(webhooks.attempts(admin, endpoint.endpointId(), 0, 1).getFirst().attempt()).isEqualTo(10);
    }

    @Test
    void anEndpointThatKeepsFailingIsSwitchedOff() {
        Webhooks.NewSecret endpoint = customerEndpoint();
        receiver.otherwise(500);
        for (int i = 0; i < 3; i++) {
            customer(unique("宁波港"));
        }
        Instant at = t0;
        for (int round = 0; round < 6; round++) {
            webhooks.deliverDue(at);
            at = at.plus(Duration.ofHours(11));
        }
        int limit = courier.disableAfter();
        assertThat(receiver.requests).hasSize(limit); // stops at the limit, mid-round
        WebhookEndpoint off = webhooks.endpoint(admin, endpoint.endpointId()).orElseThrow();
        assertThat(off.enabled()).isFalse();
        assertThat(off.disabledReason()).isEqualTo(Courier.TOO_MANY_FAILURES);
        assertThat(off.consecutiveFailures()).isEqualTo(limit);
        assertThat(webhooks.deliverDue(at.plus(Duration.ofDays(5)))).isZero();

        webhooks.enable(admin, endpoint.endpointId(), true); // the admin fixed the receiver
        receiver.otherwise(200);
        assertThat(webhooks.deliverDue(at.plus(Duration.ofDays(5)))).isEqualTo(3);
        assertThat(webhooks.endpoint(admin, endpoint.endpointId()).orElseThrow().disabledReason()).isNull();
    }

    @Test
    void chatRobotsGetAChineseTextMessage() throws Exception {
        endpoint(PayloadFormat.WECOM, "feedback", EventType.RECORD_CREATED, EventType.WORKFLOW_TRANSITION);
        String name = unique("某某公司");
        Record customer = customer(name);
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer.id());
        v.put("feedback_type", "complaint");
        v.put("severity", "high");
        v.put("description", "冰柜运行噪音大");
        v.put("received_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0));
        Record complaint = records.create(staff, "feedback", v);
        workflows.transition(staff, "feedback", complaint.id(), "take", null, complaint.rowVersion());

        // The transition's status update is a record.updated no endpoint wants: not written, not numbered.
        assertThat(outbox.eventsOf("feedback", complaint.id())).extracting(OutboxEvent::kind, OutboxEvent::sequence)
                .containsExactly(tuple(EventType.RECORD_CREATED, 1L), tuple(EventType.WORKFLOW_TRANSITION, 2L));
        assertThat(webhooks.deliverDue(t0)).isEqualTo(2);
        JsonNode created = JSON.readTree(receiver.requests.get(0).body());
        assertThat(created.path("msgtype").asString()).isEqualTo("text");
        assertThat(created.path("text").path("content").asString()).isEqualTo("新客户反馈：" + name + " · 冰柜运行噪音大");
        String moved = JSON.readTree(receiver.requests.get(1).body()).path("text").path("content").asString();
        assertThat(moved).startsWith("客户反馈「" + name + " · 冰柜运行噪音大」：").contains(" → ");
    }

    @Test
    void theTestEventReportsWhatTheEndpointAnswered() {
        Webhooks.NewSecret endpoint = endpoint(PayloadFormat.FEISHU, "customer", EventType.RECORD_CREATED);
        receiver.answer(404);
        var outcome = webhooks.sendTest(admin, endpoint.endpointId());
        assertThat(outcome.statusCode()).isEqualTo(404);
        JsonNode body = JSON.readTree(receiver.requests.getFirst().body());
        assertThat(body.path("msg_type").asString()).isEqualTo("text");
        assertThat(body.path("content").path("text").asString()).contains("测试");
        assertThat(catchThrowable(() -> webhooks.sendTest(staff, endpoint.endpointId())))
                .isInstanceOf(AccessRefusedException.class);
    }

    @Test
    void twoPollersNeverSendOneAttemptTwice() throws Exception {
        customerEndpoint();
        int count = 120;
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                customer(unique("并发客户"));
            }
        });
        Instant now = Instant.now().plusSeconds(1);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                runs.add(pollers.submit(() -> {
                    start.await();
                    return webhooks.deliverDue(now);
                }));
            }
            start.countDown();
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(count);
        } finally {
            pollers.shutdownNow();
        }
        assertThat(receiver.requests).hasSize(count);
        assertThat(receiver.countsById()).hasSize(count).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    }

    private Record complaint(Record customer, String description) {
        Map<String, Object> v = new HashMap<>();
        v.put("customer", customer.id());
        v.put("feedback_type", "complaint");
        v.put("severity", "high");
        v.put("description", description);
        v.put("received_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0));
        return records.create(staff, "feedback", v);
    }

    @Test
    void tasksGiveEventsOnEveryPathNumberedWithTheirRecord() {
        endpoint(PayloadFormat.STANDARD, "feedback", EventType.TASK_CREATED, EventType.TASK_COMPLETED);
        Record complaint = complaint(customer(unique("待办客户")), "发票开错");
        // A plugin's task, then its completion.
        long task = workflows.createTask(staff, "plugin:survey", "feedback", complaint.id(), "follow_up",
                io.kehu.platform.forms.LocalizedText.of("跟进差评", "Follow up a poor rating"), staff.userId(),
                t0.plus(Duration.ofDays(2)));
        assertThat(workflows.completeTask(staff, "plugin:survey", task)).isTrue();
        // A transition's task: resolving creates the revisit.
        Record taken = workflows.transition(staff, "feedback", complaint.id(), "take", null, complaint.rowVersion());
        workflows.transition(staff, "feedback", complaint.id(), "resolve", "已重开发票", taken.rowVersion());

        List<OutboxEvent> events = outbox.eventsOf("feedback", complaint.id());
        assertThat(events).extracting(OutboxEvent::type, OutboxEvent::sequence).containsExactly(
                tuple("task.created", 1L), tuple("task.completed", 2L), tuple("task.created", 3L));
        JsonNode created = JSON.readTree(events.get(0).payload()).path("data");
        assertThat(created.path("task").path("id").asLong()).isEqualTo(task);
        assertThat(created.path("task").path("assignee").asString()).isEqualTo("staff");
        assertThat(created.path("task").path("source").asString()).isEqualTo("plugin:survey");
        assertThat(created.path("task").path("title").path("zh").asString()).isEqualTo("跟进差评");
        assertThat(created.path("references").path("customer").asString()).startsWith("待办客户");
        JsonNode completed = JSON.readTree(events.get(1).payload()).path("data").path("task");
        assertThat(completed.path("status").asString()).isEqualTo("done");
        assertThat(completed.path("completedBy").asString()).isEqualTo("staff");
        JsonNode revisit = JSON.readTree(events.get(2).payload()).path("data").path("task");
        assertThat(revisit.path("kind").asString()).isEqualTo("revisit");
        assertThat(revisit.path("source").asString()).isEqualTo("workflow:complaint_handling");
        assertThat(revisit.path("assignee").asString()).isNotEqualTo("staff"); // not the handler

        assertThat(webhooks.deliverDue(Instant.now().plusSeconds(1))).isEqualTo(3);
        assertThat(receiver.requests).extracting(Receiver.Request::id).containsExactly(events.get(0).id(),
                events.get(1).id(), events.get(2).id());
    }

    @Test
    void pluginEventsGoToTheEndpointsOfThatPlugin() {
        Webhooks.NewSecret endpoint = webhooks.addEndpoint(admin, new EndpointSettings(receiver.url(), "survey",
                PayloadFormat.STANDARD, Set.of(EventType.PLUGIN), Set.of()).withPlugins(Set.of("survey")));
        assertThat(webhooks.endpoint(admin, endpoint.endpointId()).orElseThrow().pluginIds())
                .containsExactly("survey");
        Record complaint = complaint(customer(unique("插件客户")), "满意度低");
        // What a plugin publishes on its bus reaches the platform as this event (PluginEventBus).
        springEvents.publishEvent(new io.kehu.platform.plugins.PluginEventPublished("survey", "survey.completed",
                Map.of("score", 3, "recordId", complaint.id())));
        springEvents.publishEvent(new io.kehu.platform.plugins.PluginEventPublished("churn", "churn.scored",
                Map.of("score", 80)));
        workflows.notify(staff, "plugin:survey", "feedback", complaint.id(), Set.of(staff.userId()),
                io.kehu.platform.forms.LocalizedText.of("客户满意度低，请跟进", "Low satisfaction, follow up"));

        assertThat(outbox.eventsOf("feedback", complaint.id())).extracting(OutboxEvent::type)
                .containsExactly("plugin.survey.message");
        assertThat(webhooks.deliverDue(Instant.now().plusSeconds(1))).isEqualTo(2);
        JsonNode bus = JSON.readTree(receiver.requests.get(0).body());
        assertThat(bus.path("type").asString()).isEqualTo("plugin.survey.completed");
        assertThat(bus.path("data").path("plugin").asString()).isEqualTo("survey");
        assertThat(bus.path("data").path("payload").path("score").asInt()).isEqualTo(3);
        JsonNode message = JSON.readTree(receiver.requests.get(1).body());
        assertThat(message.path("type").asString()).isEqualTo("plugin.survey.message");
        assertThat(message.path("data").path("recordId").asLong()).isEqualTo(complaint.id());
        assertThat(message.path("data").path("message").path("zh").asString()).isEqualTo("客户满意度低，请跟进");
        assertThat(webhooks.attempts(admin, endpoint.endpointId(), 0, 5)).extracting(WebhookAttempt::eventType,
                WebhookAttempt::eventName).containsExactlyInAnyOrder(tuple(EventType.PLUGIN, "plugin.survey.completed"),
                tuple(EventType.PLUGIN, "plugin.survey.message"));
    }

    @Test
    void aRuleLetsThroughOnlyTheRecordsItHoldsForAndAFailingOneNeverBlocksTheWrite() {
        EndpointSettings companies = new EndpointSettings(receiver.url(), "companies", PayloadFormat.STANDARD,
                Set.of(EventType.RECORD_CREATED), Set.of("customer")).withRule("record.customer_type == 'company'");
        long id = webhooks.addEndpoint(admin, companies).endpointId();
        Record company = customer(unique("规则公司"));
        Map<String, Object> p = new HashMap<>();
        p.put("name", unique("个人客户"));
        p.put("customer_type", "person");
        p.put("phone", String.format("136%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        p.put("account_manager", staff.userId());
        Record person = records.create(staff, "customer", p);
        assertThat(outbox.eventsOf("customer", company.id())).hasSize(1);
        assertThat(outbox.eventsOf("customer", person.id())).isEmpty();

        // A rule that fails at run time: the write goes through, the event is not sent there, the console says why.
        webhooks.changeEndpoint(admin, id, companies.withRule("record.name.substring(1000) == 'x'"));
        Record saved = customer(unique("失败规则"));
        assertThat(records.get(staff, "customer", saved.id())).isPresent();
        assertThat(outbox.eventsOf("customer", saved.id())).isEmpty();
        WebhookEndpoint failing = webhooks.endpoint(admin, id).orElseThrow();
        assertThat(failing.ruleProblem()).isNotBlank();
        assertThat(failing.ruleProblemAt()).isNotNull();

        // Refused when saved: a rule needs exactly one form, and must compile.
        Throwable noForm = catchThrowable(() -> webhooks.addEndpoint(admin, new EndpointSettings(receiver.url(),
                null, PayloadFormat.STANDARD, Set.of(EventType.RECORD_CREATED), Set.of()).withRule("true")));
        assertThat(noForm).isInstanceOf(WebhookSettingsException.class);
        assertThat(((WebhookSettingsException) noForm).messageKey()).isEqualTo("webhooks.error.ruleForm");
        Throwable broken = catchThrowable(() -> webhooks.changeEndpoint(admin, id, companies.withRule("record.name ==")));
        assertThat(broken).isInstanceOf(WebhookSettingsException.class);
        assertThat(((WebhookSettingsException) broken).field()).isEqualTo("rule");
        assertThat(webhooks.deliverDue(Instant.now().plusSeconds(1))).isEqualTo(1); // only the company
    }

    @Test
    void aRuleJudgesADeletionByTheValuesTheRecordHadWhenDeleted() {
        EndpointSettings companies = new EndpointSettings(receiver.url(), "deleted companies",
                PayloadFormat.STANDARD, Set.of(EventType.RECORD_DELETED), Set.of("customer"))
                .withRule("record.customer_type == 'company'");
        webhooks.addEndpoint(admin, companies);
        Record company = customer(unique("删除公司"));
        Map<String, Object> p = new HashMap<>();
        p.put("name", unique("删除个人"));
        p.put("customer_type", "person");
        p.put("phone", String.format("135%08d", SEQUENCE.incrementAndGet() % 100_000_000));
        p.put("account_manager", staff.userId());
        Record person = records.create(staff, "customer", p);

        records.delete(admin, "customer", company.id(), company.rowVersion());
        records.delete(admin, "customer", person.id(), person.rowVersion());

        // The deleted records cannot be read any more; the rule saw what they were: only the company passes.
        assertThat(outbox.eventsOf("customer", company.id())).extracting(OutboxEvent::kind)
                .containsExactly(EventType.RECORD_DELETED);
        assertThat(outbox.eventsOf("customer", person.id())).isEmpty();
        assertThat(webhooks.deliverDue(Instant.now().plusSeconds(1))).isEqualTo(1);
        JsonNode body = JSON.readTree(receiver.requests.getFirst().body());
        assertThat(body.path("type").asString()).isEqualTo("record.deleted");
        assertThat(body.path("data").path("recordId").asLong()).isEqualTo(company.id());
    }

    @Test
    void aWorkflowNotifyNamingAChannelReachesTheChatRobot() throws Exception {
        // The shipped complaint workflow notifies channel "complaints" when a complaint is taken on.
        EndpointSettings robot = new EndpointSettings(receiver.url(), "投诉群", PayloadFormat.WECOM, Set.of(),
                Set.of()).withChannel("complaints");
        long id = webhooks.endpoints(admin).stream().filter(e -> "complaints".equals(e.channel())).findFirst()
                .map(WebhookEndpoint::id).orElseGet(() -> webhooks.addEndpoint(admin, robot).endpointId());
        webhooks.changeEndpoint(admin, id, robot);
        webhooks.enable(admin, id, true);
        String name = unique("某某公司");
        Record complaint = complaint(customer(name), "冷柜不制冷");
        workflows.transition(staff, "feedback", complaint.id(), "take", null, complaint.rowVersion());

        assertThat(outbox.eventsOf("feedback", complaint.id())).extracting(OutboxEvent::kind)
                .containsExactly(EventType.NOTIFY); // the channel gets it; no subscription needed
        assertThat(webhooks.deliverDue(Instant.now().plusSeconds(1))).isEqualTo(1);
        JsonNode body = JSON.readTree(receiver.requests.getFirst().body());
        assertThat(body.path("msgtype").asString()).isEqualTo("text");
        assertThat(body.path("text").path("content").asString()).isEqualTo("投诉已受理：客户反馈 · " + name + " · 冷柜不制冷");
        Throwable taken = catchThrowable(() -> webhooks.addEndpoint(admin, robot));
        assertThat(((WebhookSettingsException) taken).messageKey()).isEqualTo("webhooks.error.channelTaken");
    }

    @Test
    void aNotifyToAChannelNoEnabledEndpointHasAlertsAdministratorsOnceUntilItIsSetUp() {
        // The shipped complaint workflow notifies channel "complaints" when a complaint is taken on.
        EndpointSettings robot = new EndpointSettings(receiver.url(), "投诉群", PayloadFormat.WECOM, Set.of(),
                Set.of()).withChannel("complaints");
        long id = webhooks.endpoints(admin).stream().filter(e -> "complaints".equals(e.channel())).findFirst()
                .map(WebhookEndpoint::id).orElseGet(() -> webhooks.addEndpoint(admin, robot).endpointId());
        // Set up and served once, whatever earlier tests left: the channel starts as "not missing".
        webhooks.changeEndpoint(admin, id, robot);
        webhooks.enable(admin, id, true);
        take(complaint(customer(unique("渠道公司")), "已设置"));
        assertThat(webhooks.deliverDue(Instant.now().plusSeconds(1))).isEqualTo(1);
        webhooks.enable(admin, id, false);
        long before = channelAlerts();

        take(complaint(customer(unique("渠道公司")), "第一次"));
        long admins = accounts.findAll().stream()
                .filter(u -> u.enabled() && u.hasRole(io.kehu.platform.security.Role.ADMIN)).count();
        assertThat(channelAlerts()).isEqualTo(before + admins);
        String title = dsl.select(DSL.field(DSL.name("title_zh"), String.class))
                .from(DSL.table(DSL.name("kehu_notification")))
                .where(DSL.field(DSL.name("kind"), String.class).eq("webhook_channel_missing"))
                .orderBy(DSL.field(DSL.name("id")).desc()).limit(1).fetchOne(0, String.class);
        assertThat(title).isEqualTo("“投诉处理”的通知要发往通知渠道“complaints”，但没有已启用的端点使用这个渠道名称，群里收不到；"
                + "请在“管理 → Webhook”中为接收端点填写该渠道名称（或启用它）");
        take(complaint(customer(unique("渠道公司")), "第二次"));
        assertThat(channelAlerts()).isEqualTo(before + admins); // once, not per notice

        // Switched on: served, and no longer missing; switched off again: told again.
        webhooks.enable(admin, id, true);
        take(complaint(customer(unique("渠道公司")), "已恢复"));
        assertThat(webhooks.deliverDue(Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThat(channelAlerts()).isEqualTo(before + admins);
        webhooks.enable(admin, id, false);
        take(complaint(customer(unique("渠道公司")), "又停用"));
        assertThat(channelAlerts()).isEqualTo(before + 2 * admins);
    }

    private void take(Record complaint) {
        workflows.transition(staff, "feedback", complaint.id(), "take", null, complaint.rowVersion());
    }

    private long channelAlerts() {
        return dsl.fetchCount(DSL.table(DSL.name("kehu_notification")),
                DSL.field(DSL.name("kind"), String.class).eq("webhook_channel_missing"));
    }

    @Test
    void dingTalkAndFeishuRobotsAreSignedAsTheirVendorsSpecify() throws Exception {
        String dingSecret = "SEC" + unique("d1ng");
        webhooks.addEndpoint(admin, new EndpointSettings(receiver.url() + "?access_token=abc", "钉钉",
                PayloadFormat.DINGTALK, Set.of(EventType.RECORD_CREATED), Set.of("customer"))
                .withRobotSecret(dingSecret));
        customer(unique("钉钉客户"));
        Instant at = Instant.now().plusSeconds(1);
        assertThat(webhooks.deliverDue(at)).isEqualTo(1);
        Map<String, String> query = new HashMap<>();
        for (String pair : receiver.requests.getFirst().query().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query).containsEntry("access_token", "abc").containsEntry("timestamp",
                Long.toString(at.toEpochMilli()));
        // DingTalk: Base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)), URL-encoded in the query.
        assertThat(query.get("sign")).isEqualTo(hmacBase64(dingSecret, at.toEpochMilli() + "\n" + dingSecret));

        for (WebhookEndpoint e : webhooks.endpoints(admin)) {
            webhooks.enable(admin, e.id(), false);
        }
        String feishuSecret = unique("feishu");
        webhooks.addEndpoint(admin, new EndpointSettings(receiver.url(), "飞书", PayloadFormat.FEISHU,
                Set.of(EventType.RECORD_CREATED), Set.of("customer")).withRobotSecret(feishuSecret));
        customer(unique("飞书客户"));
        Instant later = Instant.now().plusSeconds(7);
        assertThat(webhooks.deliverDue(later)).isEqualTo(1);
        JsonNode body = JSON.readTree(receiver.requests.get(1).body());
        assertThat(body.path("msg_type").asString()).isEqualTo("text");
        assertThat(body.path("timestamp").asString()).isEqualTo(Long.toString(later.getEpochSecond()));
        // Feishu: Base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = empty)), in the body.
        assertThat(body.path("sign").asString()).isEqualTo(hmacBase64(later.getEpochSecond() + "\n" + feishuSecret,
                ""));
    }

    /** HMAC-SHA256 in Base64, written here apart from the platform's code. */
    private static String hmacBase64(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Standard Webhooks verification written from the specification, apart from the platform's code. */
    private static String independentHmac(String secret, Receiver.Request r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(secret.indexOf('_') + 1)),
                "HmacSHA256"));
        String signed = r.id() + "." + r.timestamp() + "." + r.body();
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
