package io.kehu.platform.plugins;

import io.kehu.platform.metrics.MetricDefinitionException;
import io.kehu.platform.metrics.Metrics;
import io.kehu.platform.plugins.install.PluginFiles;
import io.kehu.platform.plugins.sdk.HostPluginContext;
import io.kehu.platform.workflow.WorkflowCatalog;
import io.kehu.platform.workflow.WorkflowException;
import io.kehu.sdk.forms.DefinitionText;
import io.kehu.sdk.forms.FormDefinitionProvider;
import io.kehu.sdk.jobs.ScheduledJob;
import io.kehu.sdk.metrics.MetricDefinitionProvider;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.scripts.ScriptFunctions;
import io.kehu.sdk.settings.SettingsPage;
import io.kehu.sdk.ui.DashboardWidget;
import io.kehu.sdk.ui.ListColumnContribution;
import io.kehu.sdk.ui.NavigationContribution;
import io.kehu.sdk.ui.PublicPage;
import io.kehu.sdk.ui.RecordPanel;
import io.kehu.sdk.ui.ViewContribution;
import io.kehu.sdk.workflows.WorkflowActionHandler;
import io.kehu.sdk.workflows.WorkflowDefinitionProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.springframework.stereotype.Component;

/**
 * Plugs a started plugin's extensions into the platform and out again: takes one instance of each extension (per
 * plugin, in try/catch: a plugin with a missing library class must not break the others' extensions), publishes its
 * forms, checks its list columns, registers its routes and schedules its jobs. Navigation, guards, widgets, panels and rule functions read the
 * {@link PluginRegistry} and need no registration.
 */
@Component
public class PluginActivation {

    /** Every extension point of the SDK, in the order their names are listed on the Plugins screen. */
    static final List<Class<?>> POINTS = List.of(FormDefinitionProvider.class, RecordListener.class,
            ScheduledJob.class, ViewContribution.class, PublicPage.class, NavigationContribution.class,
            RecordPanel.class, DashboardWidget.class, ScriptFunctions.class, SettingsPage.class,
            WorkflowDefinitionProvider.class, MetricDefinitionProvider.class, WorkflowActionHandler.class,
            ListColumnContribution.class);

    private final PluginForms forms;
    private final PluginRoutes routes;
    private final PluginJobScheduler jobs;
    private final PluginRegistry registry;
    private final WorkflowCatalog workflows;
    private final Metrics metrics;
    private final io.kehu.platform.records.Records records;

    PluginActivation(PluginForms forms, PluginRoutes routes, PluginJobScheduler jobs, PluginRegistry registry,
                     WorkflowCatalog workflows, Metrics metrics, io.kehu.platform.records.Records records) {
        this.forms = forms;
        this.records = records;
        this.metrics = metrics;
        this.workflows = workflows;
        this.routes = routes;
        this.jobs = jobs;
        this.registry = registry;
    }

    /** Plugs {@code wrapper}'s extensions in; throws (after undoing nothing: call {@link #deactivate}) on failure. */
    public ActivePlugin activate(PluginWrapper wrapper, PluginManager manager, HostPluginContext context) {
        String id = wrapper.getPluginId();
        Map<Class<?>, List<?>> extensions = new LinkedHashMap<>();
        for (Class<?> point : POINTS) {
            try {
                List<?> found = manager.getExtensions(point, id);
                if (!found.isEmpty()) {
                    extensions.put(point, List.copyOf(found));
                }
            } catch (RuntimeException | LinkageError e) {
                throw new IllegalStateException(point.getSimpleName() + " extensions cannot be created: "
                        + PluginFiles.reason(e), e);
            }
        }
        requireAllIndexedExtensions(wrapper, manager, extensions);
        String description = wrapper.getDescriptor().getPluginDescription();
        ActivePlugin plugin = new ActivePlugin(id, description == null || description.isBlank() ? id : description,
                context, extensions);
        forms.publish(id, wrapper.getDescriptor().getVersion(), plugin.get(FormDefinitionProvider.class));
        Map<String, String> workflowFiles = new LinkedHashMap<>();
        plugin.get(WorkflowDefinitionProvider.class).forEach(p -> p.workflows()
                .forEach((DefinitionText t) -> workflowFiles.put(t.name(), t.json())));
        if (!workflowFiles.isEmpty()) {
            try {
                workflows.putPluginWorkflows(id, workflowFiles);
            } catch (WorkflowException e) {
                throw new IllegalStateException("A workflow does not read:\n" + e.describe(Locale.ENGLISH), e);
            }
        }
        Map<String, String> metricFiles = new LinkedHashMap<>();
        plugin.get(MetricDefinitionProvider.class).forEach(p -> p.metrics()
                .forEach((DefinitionText t) -> metricFiles.put(t.name(), t.json())));
        if (!metricFiles.isEmpty()) {
            try {
                metrics.putPluginMetrics(id, metricFiles);
            } catch (MetricDefinitionException e) {
                throw new IllegalStateException("A metric does not read:\n" + String.join("\n", e.problems()
                        .stream().map(Object::toString).toList()), e);
            }
        }
        PluginListColumns.check(records, id, plugin.get(ListColumnContribution.class));
        routes.add(plugin);
        jobs.start(id, plugin.get(ScheduledJob.class));
        return plugin;
    }

    /**
     * PF4J logs and skips an extension it cannot load or create (a missing library class, a throwing constructor):
     * the plugin would run with a part silently missing. Every class of the plugin's {@code extensions.idx} that
     * yielded no instance is created once more here, to fail the plugin with the real reason.
     */
    private static void requireAllIndexedExtensions(PluginWrapper wrapper, PluginManager manager,
                                                    Map<Class<?>, List<?>> extensions) {
        java.util.Set<String> created = new java.util.HashSet<>();
        extensions.values().forEach(list -> list.forEach(e -> created.add(e.getClass().getName())));
        for (String name : manager.getExtensionClassNames(wrapper.getPluginId())) {
            if (created.contains(name)) {
                continue;
            }
            try {
                Class<?> type = wrapper.getPluginClassLoader().loadClass(name);
                manager.getExtensionFactory().create(type);
            } catch (Exception | LinkageError e) {
                throw new IllegalStateException("Extension " + name + " cannot be created: " + PluginFiles.reason(e),
                        e);
            }
        }
    }

    /** Unplugs a plugin: no routes, no jobs, no listeners, no links; safe to call for a plugin never activated. */
    public void deactivate(String pluginId) {
        registry.remove(pluginId);
        workflows.removePluginWorkflows(pluginId);
        metrics.removePluginMetrics(pluginId);
        routes.remove(pluginId);
        jobs.stop(pluginId);
    }

    /** "ViewContribution ×1"-style names of what a started plugin provides. */
    public static List<String> summary(ActivePlugin plugin) {
        List<String> names = new ArrayList<>();
        plugin.extensions().forEach((point, list) -> names.add(point.getSimpleName() + " ×" + list.size()));
        return names;
    }

    /** The extension classes a plugin that is not started declares in its index. */
    public static List<String> declared(PluginManager manager, String pluginId) {
        try {
            return manager.getPlugin(pluginId) == null ? List.of()
                    : manager.getExtensionClassNames(pluginId).stream()
                            .map(n -> n.substring(n.lastIndexOf('.') + 1)).sorted().toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
