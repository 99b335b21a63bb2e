package io.kehu.platform.workflow;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormsPublished;
import io.kehu.platform.forms.RuleCompileCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.springframework.stereotype.Component;

/**
 * The workflows in force, one per form at most: the shipped definitions ({@code form-definitions/workflows/*.json} on
 * the classpath) read against the published forms at start-up, after the forms (order 30, the first-start forms are
 * 20), and again whenever forms are published, since a definition is only valid against the form it binds. A
 * definition that does not read is logged with every problem and left out; the app starts without it rather than
 * not at all. Versioned storage with publish and rollback comes later: today the files are the only source.
 *
 * <p>Readers see an immutable snapshot through a volatile reference.
 */
@Component
@Order(30)
public class WorkflowCatalog implements ApplicationRunner {

    static final String CALENDAR = "cn-mainland";
    private static final Logger log = LoggerFactory.getLogger(WorkflowCatalog.class);

    private final FormCatalog forms;
    private final RuleCompileCheck compileCheck;
    private volatile Map<String, WorkflowDefinition> byForm = Map.of();
    private volatile List<Automation> automations = List.of();
    /** Workflows shipped by running plugins: plugin id → (plugin id/file name → JSON), read after the shipped ones. */
    private final Map<String, Map<String, String>> pluginWorkflows = new java.util.concurrent.ConcurrentHashMap<>();

    WorkflowCatalog(FormCatalog forms, RuleCompileCheck compileCheck) {
        this.forms = forms;
        this.compileCheck = compileCheck;
    }

    /** The workflow bound to {@code formId}, if any. */
    public Optional<WorkflowDefinition> forForm(String formId) {
        return Optional.ofNullable(byForm.get(formId));
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
        reload();
    }

    @EventListener
    void formsPublished(FormsPublished event) {
        reload();
    }

    /** Reads the shipped definitions again against the forms published now. */
    public synchronized void reload() {
        Map<String, String> files = new java.util.LinkedHashMap<>(shipped("workflows"));
        pluginWorkflows.values().forEach(files::putAll);
        byForm = read(files);
        automations = readAutomations(shipped("automations"));
        log.info("Workflows in force: {}", byForm.values().stream().map(WorkflowDefinition::id).sorted().toList());
        log.info("Automations in force: {}", automations.stream().map(Automation::id).toList());
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
        for (Map.Entry<String, String> file : files.entrySet()) {
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

    private static boolean onlyUnknownForm(WorkflowException e) {
        return e.problems().stream().allMatch(p -> p.kind() == WorkflowProblem.Kind.UNKNOWN_FORM);
    }

    private static Map<String, String> shipped(String folder) {
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
