package io.kehu.platform.workflow;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.forms.PendingForms;
import io.kehu.platform.forms.RuleCompileCheck;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.workflow.PublishRefusedException.Reason;
import io.kehu.platform.workflow.runtime.TransitionScope;
import io.kehu.platform.workflow.runtime.WorkflowLog;
import io.kehu.platform.workflow.versions.WorkflowVersionStore;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Versioned workflow definitions, like the forms' versions: a draft, publish, the history, and rollback (publishing an
 * earlier version's JSON again as a new version). A publish reads the definition with {@link WorkflowReader} against
 * its form, every problem at its JSON path; keeps the form's status options equal to the states (a state added,
 * renamed or removed changes the options, published with the workflow); and refuses to strand records: every state
 * the new version no longer has but records are in must be mapped to one it has. The mapping is applied in the
 * publish's transaction through the one write path ({@link Records#update}: permissions, rules, audit as the
 * publishing admin), each move logged in the workflow history with the publish comment; entering the new state
 * restarts the record's clocks (the runtime's {@code StateClocks}, which sees the new version inside the
 * transaction). Soft-deleted records in a removed state move too (with the live ones' mapping, else to the initial
 * state), so that a restore never brings a record back in a state that no longer exists. Either all of it commits or
 * none.
 */
@Service
public class WorkflowVersions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Records moved per read: the moved ones leave the state, so the next read finds the rest. */
    private static final int MOVE_BATCH = 500;

    private final WorkflowVersionStore store;
    private final WorkflowCatalog catalog;
    private final FormCatalog forms;
    private final FormPublisher formPublisher;
    private final RuleCompileCheck compileCheck;
    private final Records records;
    private final WorkflowLog log;
    private final RuleEngine rules;
    private final TransactionTemplate transaction;
    private final ReentrantLock lock = new ReentrantLock();

    WorkflowVersions(WorkflowVersionStore store, WorkflowCatalog catalog, FormCatalog forms,
            FormPublisher formPublisher, RuleCompileCheck compileCheck, Records records, WorkflowLog log,
            RuleEngine rules, PlatformTransactionManager transactions) {
        this.store = store;
        this.catalog = catalog;
        this.forms = forms;
        this.formPublisher = formPublisher;
        this.compileCheck = compileCheck;
        this.records = records;
        this.log = log;
        this.rules = rules;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Records in a state the new version no longer has.
     *
     * @param state the stored status value
     * @param label its name in the version in force (else the value)
     * @param records how many live records are in it
     */
    public record InFlight(String state, LocalizedText label, long records) {
    }

    /**
     * What publishing a definition would do; changes nothing.
     *
     * @param definition the definition as read
     * @param formAfter the form with its status options made equal to the states, or null when they already are
     * @param recordsPerState live records per status value now
     * @param inFlight the states with records that the new version no longer has: each must be mapped
     */
    public record Preview(WorkflowDefinition definition, FormDefinition formAfter, Map<String, Long> recordsPerState,
            List<InFlight> inFlight) {
    }

    /** Every stored workflow id (published or only drafted), in id order. */
    public List<String> workflowIds() {
        return store.ids();
    }

    public Optional<WorkflowVersion> published(String workflowId) {
        return store.published(workflowId);
    }

    public Optional<WorkflowVersion> draft(String workflowId) {
        return store.version(workflowId, 0);
    }

    public Optional<WorkflowVersion> version(String workflowId, int number) {
        return store.version(workflowId, number);
    }

    /** The published and superseded versions, newest first. */
    public List<WorkflowVersion> history(String workflowId) {
        return store.history(workflowId);
    }

    /** Keeps {@code json} as the draft of {@code workflowId} without reading it: a draft may be unfinished. */
    public void saveDraft(Actor admin, String workflowId, String json) {
        requireAdmin(admin);
        transaction.executeWithoutResult(s -> store.saveDraft(workflowId, json, admin.username(), now()));
    }

    public void discardDraft(Actor admin, String workflowId) {
        requireAdmin(admin);
        transaction.executeWithoutResult(s -> store.discardDraft(workflowId));
    }

    /**
     * Reads {@code json} as a publish would (against its form with the status options following the states), for an
     * editor's problems list; reads nothing else.
     *
     * @throws WorkflowException with every problem, each at its JSON path
     */
    public WorkflowDefinition check(String json) {
        return read(json);
    }

    /**
     * Reads {@code json} as a publish would and says what it would change.
     *
     * @throws WorkflowException with every problem, each at its JSON path
     */
    public Preview preview(String json) {
        WorkflowDefinition definition = read(json);
        FormDefinition form = forms.published(definition.form()).orElseThrow();
        FormDefinition formAfter = withStatusOptions(form, definition);
        Map<String, Long> perState = store.recordsPerState(definition.form(), definition.statusField());
        Optional<WorkflowDefinition> current = catalog.forForm(definition.form());
        FieldDefinition status = form.field(definition.statusField()).orElseThrow();
        List<InFlight> inFlight = new ArrayList<>();
        perState.forEach((state, count) -> {
            if (state != null && count > 0 && definition.state(state).isEmpty()) {
                LocalizedText label = current.flatMap(w -> w.state(state)).map(WorkflowState::label)
                        .or(() -> status.option(state).map(FieldOption::label))
                        .orElse(LocalizedText.of(state, state));
                inFlight.add(new InFlight(state, label, count));
            }
        });
        return new Preview(definition, formAfter == form ? null : formAfter, perState, inFlight);
    }

    /**
     * Publishes {@code json} as the next version of its workflow.
     *
     * @param mapping old state → new state, for every state with records that the new version no longer has
     * @throws WorkflowException when the definition does not read
     * @throws PublishRefusedException when the actor is no admin, or records would be stranded (unmapped states)
     */
    public WorkflowVersion publish(Actor admin, String json, Map<String, String> mapping, String comment) {
        requireAdmin(admin);
        lock.lock();
        try {
            Preview preview = preview(json);
            WorkflowDefinition definition = preview.definition();
            catalog.forForm(definition.form()).filter(w -> !w.id().equals(definition.id())).ifPresent(other -> {
                throw new PublishRefusedException(Reason.FORM_TAKEN, List.of(), LocalizedText.of(
                        "表单“" + definition.form() + "”已有流程“" + other.label().zh() + "”，一个表单只能有一个流程",
                        "Form '" + definition.form() + "' already has the workflow '" + other.label().en()
                                + "'; a form has one workflow at most"));
            });
            List<InFlight> unmapped = preview.inFlight().stream()
                    .filter(f -> mapping.get(f.state()) == null || definition.state(mapping.get(f.state())).isEmpty())
                    .toList();
            if (!unmapped.isEmpty()) {
                throw new PublishRefusedException(Reason.UNMAPPED_STATES, unmapped, unmappedText(unmapped));
            }
            return transaction.execute(s -> {
                FormDefinition form = preview.formAfter();
                if (form != null) {
                    formPublisher.publish(form, admin.username(), "流程“" + definition.label().zh()
                            + "”发布：状态选项随流程更新");
                } else {
                    form = forms.published(definition.form()).orElseThrow();
                }
                Map<String, Long> moved = PendingForms.during(form, () -> WorkflowCatalog.during(definition,
                        () -> move(admin, definition, preview.inFlight(), mapping, comment)));
                Map<String, Map.Entry<String, Long>> deleted = moveDeleted(admin, definition, mapping, comment);
                WorkflowVersion version = store.recordPublish(definition.id(), json, admin.username(), now(),
                        blankToNull(comment), mappingJson(moved, mapping, deleted));
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        catalog.reload();
                    }
                });
                return version;
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Publishes the JSON of an earlier version again, as a new version, with the same checks as any publish.
     *
     * @throws PublishRefusedException also when there is no such version
     */
    public WorkflowVersion rollback(Actor admin, String workflowId, int number, Map<String, String> mapping,
            String comment) {
        requireAdmin(admin);
        WorkflowVersion old = store.version(workflowId, number).filter(v -> v.number() > 0)
                .orElseThrow(() -> new PublishRefusedException(Reason.NO_SUCH_VERSION, List.of(), LocalizedText.of(
                        "流程“" + workflowId + "”没有第 " + number + " 版", "Workflow '" + workflowId
                                + "' has no version " + number)));
        String note = comment == null || comment.isBlank() ? "回滚到第 " + number + " 版" : comment;
        return publish(admin, old.json(), mapping, note);
    }

    /**
     * What the guard test tells an admin: would {@code user} be allowed to take the transition on the record now,
     * under the definition being edited, and if not, why (the same text the runtime would refuse with).
     *
     * @param allowed whether the transition would be taken
     * @param why the refusal, or what allowed it
     */
    public record GuardTest(boolean allowed, LocalizedText why) {
    }

    /**
     * Tries transition {@code transitionId} of the definition {@code json} (not necessarily published) on record
     * {@code recordId} as {@code user}, with the runtime's checks ({@code TransitionChecks}: state, who may act,
     * required fields, guard — a comment is taken as given); writes nothing.
     *
     * @throws WorkflowException when the definition does not read
     */
    public GuardTest tryTransition(Actor admin, String json, String transitionId, long recordId, Actor user) {
        requireAdmin(admin);
        WorkflowDefinition definition = read(json);
        Transition move = definition.transition(transitionId).orElse(null);
        if (move == null) {
            return new GuardTest(false, LocalizedText.of("没有标识为“" + transitionId + "”的流转",
                    "There is no transition '" + transitionId + "'"));
        }
        FormDefinition form = withStatusOptions(forms.published(definition.form()).orElseThrow(), definition);
        Optional<io.kehu.platform.records.Record> found = records.get(user, definition.form(), recordId);
        if (found.isEmpty()) {
            return new GuardTest(false, LocalizedText.of("该用户看不到第 " + recordId + " 号记录（不存在、已删除或不归其负责）",
                    "This user cannot see record " + recordId + " (missing, deleted or not theirs)"));
        }
        io.kehu.platform.records.Record record = found.get();
        WhoMayAct.RecordFacts facts = new WhoMayAct.RecordFacts(record::get, form.ownerField(), record.createdBy(),
                script -> rules.holds(form, script, record.values().asMap(), Optional.of(record), user,
                        definition.id() + " / when (test)"));
        try {
            TransitionChecks.check(definition, move, form, record, user, "", facts, () -> move.guard() == null
                    || rules.holds(form, move.guard(), record.values().asMap(), Optional.of(record), user,
                            definition.id() + " / " + move.id() + " (test)"));
            return new GuardTest(true, LocalizedText.of("允许：该用户现在可以执行“" + move.label().zh() + "”",
                    "Allowed: this user may take '" + move.label().en() + "' now"));
        } catch (TransitionRefusedException refused) {
            return new GuardTest(false, refused.text());
        }
    }

    private WorkflowDefinition read(String json) {
        return new WorkflowReader(forms::published, Set.of(WorkflowCatalog.CALENDAR), compileCheck)
                .read("workflow", json, WorkflowVersions::withStatusOptions);
    }

    /** Moves the records of each in-flight state to its mapped state; returns how many moved per old state. */
    private Map<String, Long> move(Actor admin, WorkflowDefinition definition, List<InFlight> inFlight,
            Map<String, String> mapping, String comment) {
        Map<String, Long> moved = new LinkedHashMap<>();
        String note = blankToNull(comment);
        for (InFlight state : inFlight) {
            String to = mapping.get(state.state());
            long count = 0;
            for (List<long[]> batch = store.recordsIn(definition.form(), definition.statusField(), state.state(),
                    MOVE_BATCH); !batch.isEmpty(); batch = store.recordsIn(definition.form(),
                    definition.statusField(), state.state(), MOVE_BATCH)) {
                for (long[] row : batch) {
                    long id = row[0];
                    try {
                        TransitionScope.moving(definition.form(), id, to, () -> records.update(admin,
                                definition.form(), id, (int) row[1], Map.of(definition.statusField(), to)));
                    } catch (RecordRefusedException | RecordValidationException refused) {
                        throw recordRefused(definition, state, to, id, refused);
                    }
                    log.append(definition.form(), id, new WorkflowStep(definition.id(), "", state.state(), to, note,
                            admin.userId(), admin.username(), java.time.Instant.now()));
                    count++;
                }
            }
            moved.put(state.state(), count);
        }
        // A record may have entered an old state since the preview (a transition under the version still in force):
        // refuse rather than strand it; the admin publishes again and sees it.
        List<InFlight> late = new ArrayList<>();
        store.recordsPerState(definition.form(), definition.statusField()).forEach((value, count) -> {
            if (value != null && count > 0 && definition.state(value).isEmpty()) {
                late.add(new InFlight(value, LocalizedText.of(value, value), count));
            }
        });
        if (!late.isEmpty()) {
            throw new PublishRefusedException(Reason.UNMAPPED_STATES, late, unmappedText(late));
        }
        return moved;
    }

    /**
     * Moves the soft-deleted records of every state the new version no longer has, so that a restore brings them
     * back in a state that exists: to the state its live records were mapped to, else (a state with deleted records
     * only) to the initial state. Each move is logged in the record's workflow history with the publish comment.
     *
     * @return old state → (new state, how many deleted records moved)
     */
    private Map<String, Map.Entry<String, Long>> moveDeleted(Actor admin, WorkflowDefinition definition,
            Map<String, String> mapping, String comment) {
        Map<String, Map.Entry<String, Long>> moved = new LinkedHashMap<>();
        String initial = definition.initialState().id();
        store.deletedPerState(definition.form(), definition.statusField()).forEach((state, count) -> {
            if (state == null || count == 0 || definition.state(state).isPresent()) {
                return;
            }
            String mapped = mapping.get(state);
            String to = mapped != null && definition.state(mapped).isPresent() ? mapped : initial;
            List<Long> ids = store.moveDeleted(definition.form(), definition.statusField(), state, to);
            String note = blankToNull(comment);
            for (long id : ids) {
                log.append(definition.form(), id, new WorkflowStep(definition.id(), "", state, to, note,
                        admin.userId(), admin.username(), java.time.Instant.now()));
            }
            moved.put(state, Map.entry(to, (long) ids.size()));
        });
        return moved;
    }

    private static PublishRefusedException recordRefused(WorkflowDefinition definition, InFlight from, String to,
            long id, RuntimeException refused) {
        LocalizedText why = refused instanceof RecordRefusedException r ? r.text()
                : LocalizedText.of(((RecordValidationException) refused).errors().stream()
                        .map(e -> e.message().zh()).collect(Collectors.joining("；")),
                        ((RecordValidationException) refused).errors().stream().map(e -> e.message().en())
                                .collect(Collectors.joining("; ")));
        LocalizedText target = definition.state(to).map(WorkflowState::label).orElse(LocalizedText.of(to, to));
        return new PublishRefusedException(Reason.RECORD_REFUSED, List.of(), LocalizedText.of(
                "第 " + id + " 号记录不能从“" + from.label().zh() + "”转入“" + target.zh() + "”：" + why.zh()
                        + "。请先处理该记录，或改选其他状态",
                "Record " + id + " cannot move from '" + from.label().en() + "' to '" + target.en() + "': "
                        + why.en() + ". Fix the record first, or choose another state"));
    }

    /**
     * {@code form} with the status field's options equal to the workflow's states (value = state id, label = state
     * label), and a default that is no state any more replaced by the initial state; {@code form} itself when they
     * already are.
     */
    static FormDefinition withStatusOptions(FormDefinition form, WorkflowDefinition workflow) {
        Optional<FieldDefinition> field = form.field(workflow.statusField());
        if (field.isEmpty() || field.get().type() != io.kehu.platform.forms.FieldType.SELECT) {
            return form;
        }
        FieldDefinition status = field.get();
        List<FieldOption> options = workflow.states().stream()
                .map(s -> new FieldOption(s.id(), s.label())).toList();
        Object defaultValue = status.defaultValue();
        if (defaultValue != null && workflow.state(String.valueOf(defaultValue)).isEmpty()) {
            defaultValue = workflow.states().stream().filter(WorkflowState::initial).map(WorkflowState::id)
                    .findFirst().orElse(null);
        }
        if (options.equals(status.options()) && java.util.Objects.equals(defaultValue, status.defaultValue())) {
            return form;
        }
        FieldDefinition changed = status.toBuilder().options(options).defaultValue(defaultValue).build();
        List<FieldDefinition> fields = form.fields().stream().map(f -> f.id().equals(status.id()) ? changed : f)
                .toList();
        return new FormDefinition(form.id(), form.label(), form.icon(), form.navigationGroup(),
                form.navigationOrder(), form.titleField(), form.ownerField(), fields, form.layout(), form.rules(),
                form.access(), form.ownerDefault(), form.importable());
    }

    private static String mappingJson(Map<String, Long> moved, Map<String, String> mapping,
            Map<String, Map.Entry<String, Long>> deleted) {
        if (moved.isEmpty() && deleted.isEmpty()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        moved.forEach((from, count) -> root.putObject(from).put("to", mapping.get(from)).put("records", count));
        deleted.forEach((from, to) -> {
            ObjectNode state = root.has(from) ? (ObjectNode) root.get(from)
                    : root.putObject(from).put("to", to.getKey()).put("records", 0);
            state.put("deleted", to.getValue());
        });
        return JSON.writeValueAsString(root);
    }

    private static LocalizedText unmappedText(List<InFlight> unmapped) {
        String zh = unmapped.stream().map(f -> "“" + f.label().zh() + "”" + f.records() + " 条")
                .collect(Collectors.joining("、"));
        String en = unmapped.stream().map(f -> "'" + f.label().en() + "' (" + f.records() + ")")
                .collect(Collectors.joining(", "));
        return LocalizedText.of("新版本中已没有以下状态，但仍有记录处于其中：" + zh + "。请为每个状态选择记录要转入的新状态后再发布",
                "The new version no longer has these states, but records are in them: " + en
                        + ". Choose the new state their records move to, then publish again");
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.hasRole(Role.ADMIN)) {
            throw new PublishRefusedException(Reason.NOT_ADMIN, List.of(), LocalizedText.of(
                    "只有管理员可以发布流程", "Only administrators may publish workflows"));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
