package io.kehu.platform.workflow;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormsPublished;
import io.kehu.platform.forms.RuleCompileCheck;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.rules.RuleFunctionsChanged;
import io.kehu.platform.workflow.versions.WorkflowVersionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workflows in force, one per form at most: the published version of each stored workflow
 * ({@code kehu_workflow_version}, written by {@link WorkflowVersions}) read against the published forms at start-up,
 * after the forms (order 30, the first-start forms are 20), again whenever forms or a workflow are published, since a
 * definition is only valid against the form it binds. The shipped definitions ({@code form-definitions/workflows/*.json}
 * on the classpath) seed version 1 of a workflow the database does not know yet; after that the stored versions
 * rule (a later release's changed file is published over versions nobody but the platform published:
 * {@link ShippedWorkflowUpgrades}). A definition that does not read is logged with every problem and left out; the app starts without it rather
 * than not at all. Plugins' workflows are not stored: the plugin ships them while it runs.
 *
 * <p>Readers see an immutable snapshot through a volatile reference; only the thread publishing a workflow sees the
 * new definition before its commit ({@link #during}), so that the records it moves are checked and clocked by it.
 */
@Component
@Order(30)
public class WorkflowCatalog implements ApplicationRunner {

    static final String CALENDAR = "cn-mainland";
    private static final Logger log = LoggerFactory.getLogger(WorkflowCatalog.class);
    private static final JsonMapper ID_MAPPER = JsonMapper.builder().build();

    private final FormCatalog forms;
    private final RuleCompileCheck compileCheck;
    private volatile Map<String, WorkflowDefinition> byForm = Map.of();
    private volatile List<Automation> automations = List.of();
    /** Workflows shipped by running plugins: plugin id → (plugin id/file name → JSON), read after the shipped ones. */
    /** Automations held back for missing plugin rule functions (see {@code needs}), as of the last read. */
    private volatile Map<String, List<String>> waiting = Map.of();
    private final Map<String, Map<String, String>> pluginWorkflows = new java.util.concurrent.ConcurrentHashMap<>();
    private static final ThreadLocal<WorkflowDefinition> PENDING = new ThreadLocal<>();
    private final WorkflowVersionStore store;

    WorkflowCatalog(FormCatalog forms, RuleCompileCheck compileCheck, WorkflowVersionStore store) {
        this.forms = forms;
        this.compileCheck = compileCheck;
        this.store = store;
    }

    /** The workflow bound to {@code formId}, if any. */
    public Optional<WorkflowDefinition> forForm(String formId) {
        WorkflowDefinition pending = PENDING.get();
        if (pending != null && pending.form().equals(formId)) {
            return Optional.of(pending);
        }
        return Optional.ofNullable(byForm.get(formId));
    }

    /** Runs {@code work} with {@code pending} in force for this thread only (a publish, inside its transaction). */
    static <T> T during(WorkflowDefinition pending, java.util.function.Supplier<T> work) {
        WorkflowDefinition outer = PENDING.get();
        PENDING.set(pending);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                PENDING.remove();
            } else {
                PENDING.set(outer);
            }
        }
    }

    /** Every automation in force, in file order. */
    public List<Automation> automations() {
        return automations;
    }

    /** The automations looking at {@code formId}'s records. */
    public List<Automation> automationsFor(String formId) {
        return automations.stream().filter(a -> a.form().equals(formId)).toList();
    }

    /** Every workflow in force. */
    public List<WorkflowDefinition> all() {
        return List.copyOf(byForm.values());
    }

    @Override
    public void run(ApplicationArguments args) {
        seedShipped();
        reload();
    }

    /**
     * Stores each shipped definition as version 1 of its workflow, unless the database already knows that workflow:
     * after the first start, what admins publish rules, and a later release's changed file does not overwrite it.
     */
    void seedShipped() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        shipped("workflows").forEach((file, json) -> {
            String id = idOf(json).orElse(file.replaceFirst("\\.json$", ""));
            if (store.exists(id)) {
                return;
            }
            try {
                store.recordPublish(id, json, "system", now, "随附定义 " + file, null);
                log.info("Workflow {} stored as version 1 from the shipped {}", id, file);
            } catch (DuplicateKeyException e) {
                log.debug("Workflow {} was seeded by another node meanwhile", id);
            }
        });
    }

    static Optional<String> idOf(String json) {
        try {
            JsonNode id = ID_MAPPER.readTree(json).get("id");
            return id != null && id.isString() && !id.asString().isBlank() ? Optional.of(id.asString())
                    : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    @EventListener
    void formsPublished(FormsPublished event) {
        reload();
    }

    /**
     * A plugin's rule functions came or went (e.g. the tiering plugin's {@code tier}, which the shipped scheduled
     * visits use): definitions that name them read only while they exist, so read everything again — after the rule
     * engine has taken the new functions, whichever listener Spring calls first.
     */
    @EventListener(RuleFunctionsChanged.class)
    void ruleFunctionsChanged() {
        if (compileCheck instanceof RuleEngine engine) {
            engine.refreshFunctions();
        }
        reload();
    }

    /** Reads the published workflow versions again against the forms published now. */
    public synchronized void reload() {
        Map<String, String> files = new java.util.LinkedHashMap<>(store.allPublished());
        pluginWorkflows.values().forEach(files::putAll);
        byForm = read(files);
        automations = readAutomations(shipped("automations"));
        log.info("Workflows in force: {}", byForm.values().stream().map(WorkflowDefinition::id).sorted().toList());
        log.info("Automations in force: {}", automations.stream().map(Automation::id).toList());
        if (!waiting.isEmpty()) {
            log.info("Automations waiting for a plugin's rule functions: {}", waiting);
        }
    }

    /**
     * Puts a started plugin's workflows in force (SDK {@code WorkflowDefinitionProvider}). Unlike a shipped file, a
     * plugin's definition that does not read is an error: the plugin is then FAILED with every problem, so an admin
     * sees it on the Plugins screen instead of a silently missing process.
     *
     * @param files file name → JSON; an empty map only removes the plugin's workflows
     * @throws WorkflowException the first definition that does not read, with its problems
     */
    public synchronized void putPluginWorkflows(String pluginId, Map<String, String> files) {
        WorkflowReader reader = new WorkflowReader(forms::published, Set.of(CALENDAR), compileCheck);
        Map<String, String> named = new java.util.LinkedHashMap<>();
        files.forEach((name, json) -> {
            reader.read(pluginId + "/" + name, json);
            named.put(pluginId + "/" + name, json);
        });
        if (named.isEmpty() && pluginWorkflows.remove(pluginId) == null) {
            return;
        }
        if (!named.isEmpty()) {
            pluginWorkflows.put(pluginId, Map.copyOf(named));
        }
        reload();
    }

    /** Takes a stopped plugin's workflows out of force. */
    public void removePluginWorkflows(String pluginId) {
        putPluginWorkflows(pluginId, Map.of());
    }

    /**
     * Reads definitions (file name → JSON) against the published forms: the readable ones by form, the others logged
     * with their problems and left out. A workflow whose form is not published yet only waits for it.
     */
    Map<String, WorkflowDefinition> read(Map<String, String> files) {
        WorkflowReader reader = new WorkflowReader(forms::published, Set.of(CALENDAR), compileCheck);
        Map<String, WorkflowDefinition> next = new HashMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            try {
                WorkflowDefinition workflow = reader.read(file.getKey(), file.getValue());
                WorkflowDefinition other = next.putIfAbsent(workflow.form(), workflow);
                if (other != null) {
                    log.warn("Workflow {} left out: form {} already has workflow {}", workflow.id(), workflow.form(),
                            other.id());
                }
            } catch (WorkflowException e) {
                if (onlyUnknownForm(e)) {
                    log.debug("Workflow {} waits for its form to be published", file.getKey());
                } else {
                    log.warn("Workflow {} left out, it does not read:\n{}", file.getKey(), e.describe(Locale.ENGLISH));
                }
            }
        }
        return Map.copyOf(next);
    }

    /** Reads automations like workflows: the readable ones kept, the others logged and left out. */
    List<Automation> readAutomations(Map<String, String> files) {
        WorkflowReader reader = new WorkflowReader(forms::published, Set.of(CALENDAR), compileCheck);
        Map<String, WorkflowDefinition> workflows = byForm;
        List<Automation> read = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        waiting = new java.util.TreeMap<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            List<String> missing = missingFunctions(file.getValue());
            if (!missing.isEmpty()) {
                // A shipped automation for a plugin that is not running (yet): not a fault, it waits.
                waiting.put(file.getKey().replaceFirst("\\.json$", ""), missing);
                continue;
            }
            try {
                Automation automation = reader.readAutomation(file.getKey(), file.getValue(),
                        form -> Optional.ofNullable(workflows.get(form)).map(WorkflowDefinition::statusField));
                if (ids.add(automation.id())) {
                    read.add(automation);
                } else {
                    log.warn("Automation {} left out: its id {} is taken", file.getKey(), automation.id());
                }
            } catch (WorkflowException e) {
                if (onlyUnknownForm(e)) {
                    log.debug("Automation {} waits for its form to be published", file.getKey());
                } else {
                    log.warn("Automation {} left out, it does not read:\n{}", file.getKey(),
                            e.describe(Locale.ENGLISH));
                }
            }
        }
        return List.copyOf(read);
    }

    /**
     * The rule function sets an automation's {@code needs} names that no running plugin provides now (empty when the
     * compile check cannot tell, or the JSON does not read: the reader then says what is wrong).
     */
    private List<String> missingFunctions(String json) {
        if (!(compileCheck instanceof RuleEngine engine)) {
            return List.of();
        }
        try {
            JsonNode needs = ID_MAPPER.readTree(json).get("needs");
            if (needs == null || !needs.isArray()) {
                return List.of();
            }
            Set<String> available = engine.functionNames();
            List<String> missing = new ArrayList<>();
            needs.forEach(n -> {
                if (n.isString() && !available.contains(n.asString())) {
                    missing.add(n.asString());
                }
            });
            return missing;
        } catch (JacksonException e) {
            return List.of();
        }
    }

    /** Automations held back because a plugin's rule functions they need are missing: id → the missing names. */
    public Map<String, List<String>> waitingAutomations() {
        return Map.copyOf(waiting);
    }

    private static boolean onlyUnknownForm(WorkflowException e) {
        return e.problems().stream().allMatch(p -> p.kind() == WorkflowProblem.Kind.UNKNOWN_FORM);
    }

    static Map<String, String> shipped(String folder) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:form-definitions/" + folder + "/*.json");
            List<Resource> sorted = new ArrayList<>(List.of(files));
            sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            Map<String, String> texts = new java.util.LinkedHashMap<>();
            for (Resource file : sorted) {
                try (var in = file.getInputStream()) {
                    texts.put(file.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped " + folder, e);
        }
    }
}
