package io.kehu.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.runtime.StateClocks;
import io.kehu.platform.workflow.timers.DueTimer;
import io.kehu.platform.workflow.timers.TimerQueue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Versioned workflow storage on a real database: the shipped files seed version 1 once; a publish reads the definition
 * (problems at their JSON path), keeps the form's status options equal to the states, and refuses to strand records in
 * a state the new version no longer has until that state is mapped; the mapping moves the records through the one
 * write path (audited as the admin, logged, clocks restarted) in the publish's transaction; rollback publishes an
 * earlier version again with the same checks. Each test uses a form and workflow of its own.
 */
abstract class WorkflowVersionsContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    WorkflowVersions versions;
    @Autowired
    WorkflowCatalog catalog;
    @Autowired
    Workflows workflows;
    @Autowired
    ShippedWorkflowUpgrades upgrades;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher formPublisher;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;
    @Autowired
    TimerQueue timers;

    Actor admin;
    Actor staff;
    String form;
    String workflow;

    @BeforeEach
    void ownFormAndWorkflow() {
        if (forms.published("feedback").isEmpty()) {
            formPublisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "workflow version tests");
        }
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        int n = SEQUENCE.incrementAndGet();
        form = "wfv_" + n;
        workflow = "wfv_flow_" + n;
        FieldDefinition status = FieldDefinition.builder("status", FieldType.SELECT)
                .label(LocalizedText.of("状态", "Status"))
                .options(List.of(option("new", "新建", "New"), option("doing", "处理中", "Doing"),
                        option("done", "已完成", "Done")))
                .defaultValue("new").build();
        FieldDefinition title = FieldDefinition.builder("title", FieldType.TEXT)
                .label(LocalizedText.of("标题", "Title")).build();
        formPublisher.publish(new FormDefinition(form, LocalizedText.of("版本测试", "Version test"), null, null, 0,
                "title", null, List.of(title, status), List.of(), List.of(), null), "test", "version test form");
        versions.publish(admin, definition("doing", "处理中", "Doing"), Map.of(), "第一版");
    }

    private static FieldOption option(String value, String zh, String en) {
        return new FieldOption(value, LocalizedText.of(zh, en));
    }

    /** The test workflow, its middle state named {@code middle} (with an SLA of 4 working hours). */
    private String definition(String middle, String zh, String en) {
        return """
                {
                  "id": "%s", "label": {"zh": "版本测试流程", "en": "Version test flow"},
                  "form": "%s", "statusField": "status",
                  "states": [
                    {"id": "new", "label": {"zh": "新建", "en": "New"}, "color": "blue", "initial": true},
                    {"id": "%s", "label": {"zh": "%s", "en": "%s"}, "color": "orange",
                     "sla": {"within": "PT4H", "workingTime": true}},
                    {"id": "done", "label": {"zh": "已完成", "en": "Done"}, "color": "green", "final": true}
                  ],
                  "transitions": [
                    {"id": "start", "from": ["new"], "to": "%s", "label": {"zh": "开始", "en": "Start"}},
                    {"id": "finish", "from": ["%s"], "to": "done", "label": {"zh": "完成", "en": "Finish"}}
                  ]
                }
                """.formatted(workflow, form, middle, zh, en, middle, middle);
    }

    private Record started(String title) {
        Record created = records.create(admin, form, Map.of("title", title));
        return workflows.transition(admin, form, created.id(), "start", null, created.rowVersion());
    }

    @Test
    void theShippedFilesSeedVersionOneOnceAndTheCatalogReadsThePublishedVersion() throws Exception {
        String shipped = Files.readString(Path.of("../form-definitions/workflows/complaint_handling.json"),
                StandardCharsets.UTF_8);
        assertThat(versions.history("complaint_handling")).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.status()).isEqualTo(WorkflowVersion.Status.PUBLISHED);
            assertThat(v.author()).isEqualTo("system");
            assertThat(v.json()).isEqualTo(shipped);
        });
        catalog.seedShipped();
        assertThat(versions.history("complaint_handling")).hasSize(1);
        assertThat(versions.workflowIds()).contains("complaint_handling", "return_handling", workflow);
        assertThat(catalog.forForm(form)).map(WorkflowDefinition::id).contains(workflow);
    }

    @Test
    void aPublishThatRemovesAStateWithRecordsIsRefusedUntilMappedThenMovesThemAudited() {
        Record doing = started("冰柜维修");
        Record fresh = records.create(admin, form, Map.of("title", "新单"));
        String renamed = definition("working", "进行中", "Working");

        WorkflowVersions.Preview preview = versions.preview(renamed);
        assertThat(preview.inFlight()).extracting(WorkflowVersions.InFlight::state,
                f -> f.label().zh(), WorkflowVersions.InFlight::records).containsExactly(tuple("doing", "处理中", 1L));
        assertThat(preview.formAfter()).isNotNull();

        PublishRefusedException refused = (PublishRefusedException) catchThrowable(() ->
                versions.publish(admin, renamed, Map.of(), "改名"));
        assertThat(refused.reason()).isEqualTo(PublishRefusedException.Reason.UNMAPPED_STATES);
        assertThat(refused.unmapped()).extracting(WorkflowVersions.InFlight::state).containsExactly("doing");
        assertThat(refused.text().zh()).isEqualTo(
                "新版本中已没有以下状态，但仍有记录处于其中：“处理中”1 条。请为每个状态选择记录要转入的新状态后再发布");
        // A mapping to a state the new version does not have is no mapping either.
        assertThat(catchThrowable(() -> versions.publish(admin, renamed, Map.of("doing", "doing"), "改名")))
                .isInstanceOf(PublishRefusedException.class);
        // Refused means nothing changed.
        assertThat(versions.history(workflow)).hasSize(1);
        assertThat(records.get(admin, form, doing.id()).orElseThrow().get("status")).isEqualTo("doing");
        assertThat(forms.published(form).orElseThrow().field("status").orElseThrow().option("doing")).isPresent();

        WorkflowVersion published = versions.publish(admin, renamed, Map.of("doing", "working"), "“处理中”改为“进行中”");
        assertThat(published.number()).isEqualTo(2);
        assertThat(published.author()).isEqualTo("admin");
        assertThat(published.stateMapping()).contains("\"doing\"", "\"working\"", "\"records\":1");

        Record moved = records.get(admin, form, doing.id()).orElseThrow();
        assertThat(moved.get("status")).isEqualTo("working");
        assertThat(moved.get("title")).isEqualTo("冰柜维修");
        assertThat(records.get(admin, form, fresh.id()).orElseThrow().get("status")).isEqualTo("new");
        assertThat(records.history(admin, form, doing.id())).filteredOn(e -> "status".equals(e.fieldId()))
                .extracting(e -> e.newValue()).containsExactly("new", "doing", "working");
        assertThat(workflows.steps(admin, form, doing.id())).last().satisfies(step -> {
            assertThat(step.from()).isEqualTo("doing");
            assertThat(step.to()).isEqualTo("working");
            assertThat(step.comment()).isEqualTo("“处理中”改为“进行中”");
            assertThat(step.actedBy()).isEqualTo(admin.userId());
        });
        // The status options follow the states; the catalog has the new version; the clocks of the new state run.
        assertThat(forms.published(form).orElseThrow().field("status").orElseThrow().options())
                .extracting(FieldOption::value).containsExactly("new", "working", "done");
        assertThat(catalog.forForm(form).orElseThrow().state("working")).isPresent();
        assertThat(timers.pending(form, doing.id())).extracting(DueTimer::kind, DueTimer::subject)
                .containsExactly(tuple(StateClocks.SLA_BREACH, "working"));
        assertThat(versions.history(workflow)).extracting(WorkflowVersion::number, WorkflowVersion::status)
                .containsExactly(tuple(2, WorkflowVersion.Status.PUBLISHED), tuple(1,
                        WorkflowVersion.Status.SUPERSEDED));
        // The moved record goes on under the new version.
        Record finished = workflows.transition(admin, form, doing.id(), "finish", null, moved.rowVersion());
        assertThat(finished.get("status")).isEqualTo("done");
    }

    @Test
    void rollbackPublishesAnEarlierVersionAgainWithTheSameChecks() {
        Record doing = started("回滚测试");
        versions.publish(admin, definition("working", "进行中", "Working"), Map.of("doing", "working"), null);

        PublishRefusedException refused = (PublishRefusedException) catchThrowable(() ->
                versions.rollback(admin, workflow, 1, Map.of(), null));
        assertThat(refused.reason()).isEqualTo(PublishRefusedException.Reason.UNMAPPED_STATES);
        assertThat(refused.unmapped()).extracting(f -> f.label().zh()).containsExactly("进行中");

        WorkflowVersion rolledBack = versions.rollback(admin, workflow, 1, Map.of("working", "doing"), null);
        assertThat(rolledBack.number()).isEqualTo(3);
        assertThat(rolledBack.comment()).isEqualTo("回滚到第 1 版");
        assertThat(rolledBack.json()).isEqualTo(versions.version(workflow, 1).orElseThrow().json());
        assertThat(records.get(admin, form, doing.id()).orElseThrow().get("status")).isEqualTo("doing");
        assertThat(catalog.forForm(form).orElseThrow().state("doing")).isPresent();
        assertThat(versions.history(workflow)).extracting(WorkflowVersion::number, WorkflowVersion::status)
                .containsExactly(tuple(3, WorkflowVersion.Status.PUBLISHED),
                        tuple(2, WorkflowVersion.Status.SUPERSEDED), tuple(1, WorkflowVersion.Status.SUPERSEDED));

        PublishRefusedException missing = (PublishRefusedException) catchThrowable(() ->
                versions.rollback(admin, workflow, 9, Map.of(), null));
        assertThat(missing.reason()).isEqualTo(PublishRefusedException.Reason.NO_SUCH_VERSION);
        assertThat(missing.text().zh()).isEqualTo("流程“" + workflow + "”没有第 9 版");
    }

    @Test
    void aDraftIsKeptUnreadAndOnlyAdminsPublish() {
        versions.saveDraft(admin, workflow, "{\"id\": \"unfinished\"");
        assertThat(versions.draft(workflow)).map(WorkflowVersion::status).contains(WorkflowVersion.Status.DRAFT);
        String next = definition("working", "进行中", "Working");
        PublishRefusedException notAdmin = (PublishRefusedException) catchThrowable(() ->
                versions.publish(staff, next, Map.of(), null));
        assertThat(notAdmin.reason()).isEqualTo(PublishRefusedException.Reason.NOT_ADMIN);
        assertThat(notAdmin.text().zh()).isEqualTo("只有管理员可以发布流程");
        // Nothing is in the old middle state, so renaming it needs no mapping; publishing the draft's text clears it.
        versions.saveDraft(admin, workflow, next);
        versions.publish(admin, next, Map.of(), "无在途记录");
        assertThat(versions.draft(workflow)).isEmpty();
        assertThat(versions.published(workflow)).map(WorkflowVersion::number).contains(2);
    }

    @Test
    void theGuardTestAnswersWithTheRuntimesChecksAndWritesNothing() {
        Record fresh = records.create(admin, form, Map.of("title", "试算"));
        String current = versions.published(workflow).orElseThrow().json();
        WorkflowVersions.GuardTest wrongState = versions.tryTransition(admin, current, "finish", fresh.id(), admin);
        assertThat(wrongState.allowed()).isFalse();
        assertThat(wrongState.why().zh()).contains("新建", "完成");
        // Under an edited, unpublished definition that lets only managers start, staff would be refused.
        String managersOnly = current.replace("\"label\": {\"zh\": \"开始\", \"en\": \"Start\"}",
                "\"label\": {\"zh\": \"开始\", \"en\": \"Start\"}, \"actors\": {\"roles\": [\"MANAGER\"]}");
        assertThat(managersOnly).contains("MANAGER");
        WorkflowVersions.GuardTest asAdmin = versions.tryTransition(admin, managersOnly, "start", fresh.id(), admin);
        assertThat(asAdmin.allowed()).isFalse();
        assertThat(versions.tryTransition(admin, current, "start", fresh.id(), admin).allowed()).isTrue();
        assertThat(records.get(admin, form, fresh.id()).orElseThrow().get("status")).isEqualTo("new");
        assertThat(catchThrowable(() -> versions.tryTransition(staff, current, "start", fresh.id(), admin)))
                .isInstanceOf(PublishRefusedException.class);
    }

    @Test
    void aMalformedDefinitionIsRefusedWithEveryProblemAtItsPath() {
        String broken = definition("doing", "处理中", "Doing").replace("\"to\": \"done\"", "\"to\": \"closed\"")
                .replace("\"color\": \"blue\"", "\"color\": \"pink\"");
        WorkflowException problems = (WorkflowException) catchThrowable(() ->
                versions.publish(admin, broken, Map.of(), null));
        assertThat(problems.problems()).extracting(WorkflowProblem::jsonPath)
                .contains("$.states[0].color");
        WorkflowException unknownState = (WorkflowException) catchThrowable(() -> versions.publish(admin,
                definition("doing", "处理中", "Doing").replace("\"to\": \"done\"", "\"to\": \"closed\""), Map.of(),
                null));
        assertThat(unknownState.problems()).extracting(WorkflowProblem::jsonPath)
                // the unknown target, and "已完成" which nothing reaches any more
                .containsExactlyInAnyOrder("$.transitions[1].to", "$.states[2]");
        assertThat(unknownState.problems().getFirst().message(Locale.SIMPLIFIED_CHINESE)).contains("closed");
        assertThat(versions.history(workflow)).hasSize(1);
    }

    /** A deleted record of the test form as the admin sees it (deleted records are listed for admins only). */
    private Record deleted(long id) {
        return records.query(admin, io.kehu.platform.records.RecordQuery.of(form).includeDeleted(true)).stream()
                .filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aMappedRecordTheWritePathRefusesRefusesTheWholePublishNamingTheRecordAndWhy() {
        Record movable = started("空调维修");
        Record blocked = started("冰柜维修");
        // A form rule no record titled 冰柜维修 may pass in the renamed state.
        FormDefinition current = forms.published(form).orElseThrow();
        formPublisher.publish(new FormDefinition(form, current.label(), null, null, 0, "title", null,
                current.fields(), List.of(), List.of(new io.kehu.platform.forms.FormRule("validate",
                        "record.status != 'working' || record.title != '冰柜维修'",
                        LocalizedText.of("冰柜维修单不能进入“进行中”", "A fridge repair cannot be in progress"))), null),
                "test", "a rule the move breaks");
        String renamed = definition("working", "进行中", "Working");

        PublishRefusedException refused = (PublishRefusedException) catchThrowable(() ->
                versions.publish(admin, renamed, Map.of("doing", "working"), "改名"));

        assertThat(refused.reason()).isEqualTo(PublishRefusedException.Reason.RECORD_REFUSED);
        assertThat(refused.text().zh()).isEqualTo("第 " + blocked.id() + " 号记录不能从“处理中”转入“进行中”："
                + "冰柜维修单不能进入“进行中”。请先处理该记录，或改选其他状态");
        assertThat(refused.text().en()).startsWith("Record " + blocked.id() + " cannot move from 'Doing' to 'Working'");
        // Nothing of it is kept: not the record moved before the refused one, not the options, not a version.
        assertThat(records.get(admin, form, movable.id()).orElseThrow().get("status")).isEqualTo("doing");
        assertThat(records.get(admin, form, blocked.id()).orElseThrow().get("status")).isEqualTo("doing");
        assertThat(workflows.steps(admin, form, movable.id())).extracting(WorkflowStep::to).containsExactly("doing");
        assertThat(forms.published(form).orElseThrow().field("status").orElseThrow().option("doing")).isPresent();
        assertThat(versions.history(workflow)).hasSize(1);
        assertThat(catalog.forForm(form).orElseThrow().state("doing")).isPresent();

        // Another target the rule allows: the publish goes through.
        versions.publish(admin, renamed, Map.of("doing", "done"), "处理中的单直接完成");
        assertThat(records.get(admin, form, blocked.id()).orElseThrow().get("status")).isEqualTo("done");
    }

    @Test
    void softDeletedRecordsInARemovedStateFollowItsMappingSoARestoreFindsAStateThatExists() {
        Record live = started("在途");
        Record gone = started("已删除的在途单");
        records.delete(admin, form, gone.id(), gone.rowVersion());
        assertThat(versions.preview(definition("working", "进行中", "Working")).inFlight())
                .as("the live ones are what the admin maps").extracting(WorkflowVersions.InFlight::records)
                .containsExactly(1L);

        WorkflowVersion published = versions.publish(admin, definition("working", "进行中", "Working"),
                Map.of("doing", "working"), "改名");

        assertThat(published.stateMapping()).contains("\"records\":1", "\"deleted\":1");
        assertThat(records.get(admin, form, live.id()).orElseThrow().get("status")).isEqualTo("working");
        Record stillDeleted = deleted(gone.id());
        assertThat(stillDeleted.deleted()).isTrue();
        assertThat(stillDeleted.get("status")).isEqualTo("working");
        Record restored = records.restore(admin, form, gone.id(), stillDeleted.rowVersion());
        assertThat(restored.get("status")).isEqualTo("working");
        assertThat(workflows.steps(admin, form, gone.id())).last().satisfies(step -> {
            assertThat(step.from()).isEqualTo("doing");
            assertThat(step.to()).isEqualTo("working");
            assertThat(step.comment()).isEqualTo("改名");
        });
        // It goes on under the new version like any record.
        assertThat(workflows.transition(admin, form, gone.id(), "finish", null, restored.rowVersion()).get("status"))
                .isEqualTo("done");
    }

    @Test
    void aRemovedStateWithOnlyDeletedRecordsNeedsNoMappingAndTheyGoToTheInitialState() {
        Record gone = started("只剩已删除");
        records.delete(admin, form, gone.id(), gone.rowVersion());
        assertThat(versions.preview(definition("working", "进行中", "Working")).inFlight()).isEmpty();

        WorkflowVersion published = versions.publish(admin, definition("working", "进行中", "Working"), Map.of(),
                null);

        assertThat(published.stateMapping()).contains("\"doing\"", "\"to\":\"new\"", "\"deleted\":1");
        assertThat(deleted(gone.id()).get("status")).isEqualTo("new");
    }

    /** The test workflow with a pausing state 等待 between the middle state and done (what a release might ship). */
    private String withWaiting(String id) {
        return definition("doing", "处理中", "Doing").replace("\"id\": \"" + workflow + "\"", "\"id\": \"" + id + "\"")
                .replace("{\"id\": \"done\",", "{\"id\": \"waiting\", \"label\": {\"zh\": \"等待客户回复\", "
                        + "\"en\": \"Waiting\"}, \"color\": \"purple\", \"pausesSla\": true},\n{\"id\": \"done\",")
                .replace("{\"id\": \"finish\",", "{\"id\": \"wait\", \"from\": [\"doing\"], \"to\": \"waiting\", "
                        + "\"label\": {\"zh\": \"等待\", \"en\": \"Wait\"}},\n{\"id\": \"resume\", \"from\": "
                        + "[\"waiting\"], \"to\": \"doing\", \"label\": {\"zh\": \"继续\", \"en\": \"Resume\"}},\n"
                        + "{\"id\": \"finish\",");
    }

    @Test
    void aChangedShippedDefinitionIsPublishedOverThePlatformsVersionsButNeverOverAnAdminsOne() {
        // The test's own workflow, re-seeded as if shipped: every version by the platform ("system").
        String shippedId = workflow + "_s";
        String formS = form + "_s";
        FormDefinition base = forms.published(form).orElseThrow();
        formPublisher.publish(new FormDefinition(formS, base.label(), null, null, 0, "title", null, base.fields(),
                List.of(), List.of(), null), "test", "shipped copy");
        String v1 = definition("doing", "处理中", "Doing").replace("\"id\": \"" + workflow + "\"",
                "\"id\": \"" + shippedId + "\"").replace("\"form\": \"" + form + "\"", "\"form\": \"" + formS + "\"");
        versions.publish(Actor.system("system"), v1, Map.of(), "随附定义");
        Record inFlight = records.create(admin, formS, Map.of("title", "升级前的单"));
        inFlight = workflows.transition(admin, formS, inFlight.id(), "start", null, inFlight.rowVersion());
        String v2 = withWaiting(shippedId).replace("\"form\": \"" + form + "\"", "\"form\": \"" + formS + "\"");
        assertThat(v2).contains("pausesSla", shippedId, formS);

        assertThat(upgrades.upgrade(Map.of(shippedId + ".json", v1))).as("same content: nothing to do").isEmpty();
        assertThat(upgrades.upgrade(Map.of(shippedId + ".json", v2))).containsExactly(shippedId);

        assertThat(versions.published(shippedId)).hasValueSatisfying(v -> {
            assertThat(v.number()).isEqualTo(2);
            assertThat(v.author()).isEqualTo("system");
            assertThat(v.comment()).isEqualTo("随附定义更新 " + shippedId + ".json");
        });
        // The form's status options follow in the same publish, the catalog has the pausing state, records stay.
        assertThat(forms.published(formS).orElseThrow().field("status").orElseThrow().options())
                .extracting(FieldOption::value).containsExactly("new", "doing", "waiting", "done");
        assertThat(catalog.forForm(formS).orElseThrow().state("waiting").orElseThrow().pausesSla()).isTrue();
        assertThat(records.get(admin, formS, inFlight.id()).orElseThrow().get("status")).isEqualTo("doing");
        assertThat(workflows.allowedTransitions(admin, formS, inFlight.id())).extracting(Transition::id)
                .contains("wait");
        assertThat(upgrades.upgrade(Map.of(shippedId + ".json", v2))).as("applied once").isEmpty();

        // The BeforeEach workflow was published by an admin: a shipped change never overrides it.
        assertThat(upgrades.upgrade(Map.of(workflow + ".json", withWaiting(workflow)))).isEmpty();
        assertThat(versions.history(workflow)).hasSize(1);
    }
}
