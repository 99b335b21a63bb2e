package io.kehu.platform.plugins.install;

import io.kehu.platform.plugins.ActivePlugin;
import io.kehu.platform.plugins.PluginActivation;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginInfo;
import io.kehu.platform.plugins.PluginRegistry;
import io.kehu.platform.plugins.PluginStateStore;
import io.kehu.platform.plugins.PluginStatus;
import io.kehu.platform.plugins.sdk.PluginContexts;

import io.kehu.platform.rules.RuleFunctionsChanged;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Loading, starting, stopping and removing plugin files with PF4J, and what the host knows of each plugin: the
 * running state behind {@link PluginHost}. Not thread-safe on its own: the host calls it under its lock.
 */
public final class PluginLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginLifecycle.class);

    private final Path directory;
    private final PluginStateStore store;
    private final PluginRegistry registry;
    private final PluginActivation activation;
    private final PluginContexts contexts;
    private final ApplicationEventPublisher springEvents;
    private final KehuPluginManager manager;
    /** Files in the directory that are not loadable plugins: file name → reason. Recomputed at each start. */
    private final Map<String, String> fileProblems = new ConcurrentHashMap<>();

    public PluginLifecycle(Path directory, PluginStateStore store, PluginRegistry registry, PluginActivation activation,
                    PluginContexts contexts, ApplicationEventPublisher springEvents) {
        this.directory = directory;
        this.store = store;
        this.registry = registry;
        this.activation = activation;
        this.contexts = contexts;
        this.springEvents = springEvents;
        this.manager = new KehuPluginManager(directory, contexts::of);
    }

    public Path directory() {
        return directory;
    }

    public KehuPluginManager manager() {
        return manager;
    }

    public Map<String, String> fileProblems() {
        return fileProblems;
    }

    /** Loads every plugin file of the directory and starts those the admin wants running. */
    public void loadAll() {
        try {
            manager.loadPlugins();
        } catch (RuntimeException e) {
            log.error("Loading plugins from {} failed: {}", directory, e.toString());
        }
        fileProblems.putAll(PluginFiles.unloaded(directory, manager));
        for (PluginWrapper wrapper : manager.getPlugins()) {
            remember(wrapper, "system");
        }
        for (InstalledPlugin row : store.all()) {
            if (manager.getPlugin(row.pluginId()) == null) {
                store.setFailure(row.pluginId(), "The file " + row.fileName() + " is missing or unreadable.");
            }
        }
        for (PluginWrapper wrapper : List.copyOf(manager.getPlugins())) {
            boolean enabled = store.find(wrapper.getPluginId()).map(InstalledPlugin::enabled).orElse(true);
            if (enabled) {
                start(wrapper.getPluginId());
            }
        }
    }

    /** Every installed plugin and every unusable file of the directory, by id. */
    public List<PluginInfo> plugins() {
        Map<String, PluginInfo> rows = new TreeMap<>();
        for (InstalledPlugin row : store.all()) {
            rows.put(row.pluginId(), info(row));
        }
        fileProblems.forEach((file, reason) -> rows.put(file, new PluginInfo(file, file, "", PluginStatus.FAILED,
                "", List.of(), reason, null, null)));
        return List.copyOf(rows.values());
    }

    public Optional<PluginInfo> plugin(String pluginId) {
        return plugins().stream().filter(p -> p.pluginId().equals(pluginId)).findFirst();
    }

    /** Loads a plugin file and, when {@code start}, starts it; returns why that failed (also stored), or empty. */
    public Optional<String> load(String pluginId, Path file, boolean start) {
        try {
            String loaded = manager.loadPlugin(file);
            if (loaded == null || manager.getPlugin(pluginId) == null) {
                return fail(pluginId, PluginFiles.whyNotLoaded(file, directory, manager));
            }
        } catch (RuntimeException | LinkageError e) {
            return fail(pluginId, PluginFiles.reason(e));
        }
        if (!start) {
            return PluginDescriptors.problem(manager.getPlugin(pluginId).getDescriptor());
        }
        return start(pluginId);
    }

    private Optional<String> fail(String pluginId, String reason) {
        store.setFailure(pluginId, reason);
        log.warn("Plugin {} FAILED: {}", pluginId, reason);
        return Optional.of(reason);
    }

    /** Starts a loaded plugin and plugs its extensions in; records FAILED with the reason otherwise. */
    public Optional<String> start(String pluginId) {
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        Optional<String> problem = Optional.ofNullable(wrapper)
                .flatMap(w -> PluginDescriptors.problem(w.getDescriptor()))
                .or(() -> PluginFiles.dependencyProblem(wrapper, manager));
        if (problem.isEmpty()) {
            PluginState state;
            try {
                state = manager.startPlugin(pluginId);
            } catch (RuntimeException | LinkageError e) {
                state = PluginState.FAILED;
                wrapper.setFailedException(e);
            }
            if (state != PluginState.STARTED) {
                problem = Optional.of(wrapper.getFailedException() == null
                        ? "PF4J left the plugin " + state + "."
                        : "Start failed: " + PluginFiles.reason(wrapper.getFailedException()));
            } else {
                try {
                    registry.add(activation.activate(wrapper, manager, contexts.of(wrapper)));
                    springEvents.publishEvent(new RuleFunctionsChanged("plugin " + pluginId + " started"));
                } catch (RuntimeException | LinkageError e) {
                    activation.deactivate(pluginId);
                    safeStop(pluginId);
                    problem = Optional.of(PluginFiles.reason(e));
                }
            }
        }
        store.setFailure(pluginId, problem.orElse(null));
        problem.ifPresent(p -> log.warn("Plugin {} FAILED: {}", pluginId, p));
        return problem;
    }

    /** Unplugs the plugin's extensions and stops it; its services go. */
    public void stop(String pluginId) {
        activation.deactivate(pluginId);
        safeStop(pluginId);
        contexts.stopped(pluginId);
        springEvents.publishEvent(new RuleFunctionsChanged("plugin " + pluginId + " stopped"));
    }

    private void safeStop(String pluginId) {
        try {
            if (manager.getPlugin(pluginId) != null && manager.getPlugin(pluginId).getPluginState().isStarted()) {
                manager.stopPlugin(pluginId);
            }
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin {} failed while stopping: {}", pluginId, e.toString());
        }
    }

    /** Stops, unloads and deletes the files of an installed plugin (an upgrade's old version too). */
    public void removeFiles(String pluginId, Optional<InstalledPlugin> row) {
        stop(pluginId);
        contexts.release(pluginId);
        PluginWrapper wrapper = manager.getPlugin(pluginId);
        if (wrapper != null) {
            if (wrapper.getPluginState() == PluginState.FAILED) {
                // PF4J refuses to delete or unload a plugin whose start failed ("failed to stop"); it never ran.
                wrapper.setPluginState(PluginState.STOPPED);
            }
            try {
                manager.deletePlugin(pluginId);
            } catch (RuntimeException e) {
                log.warn("Plugin {} could not be deleted by PF4J: {}", pluginId, e.toString());
            }
            if (manager.getPlugin(pluginId) != null) {
                manager.unloadPlugin(pluginId);
            }
        }
        row.ifPresent(r -> PluginFiles.delete(directory.resolve(r.fileName())));
    }

    /** Records a plugin found in the directory (new, or its file changed on disk). */
    private void remember(PluginWrapper wrapper, String actor) {
        Path file = PluginFiles.fileOf(wrapper, directory);
        String sha = PluginHost.sha256(file);
        String fileName = file.getFileName().toString();
        Optional<InstalledPlugin> row = store.find(wrapper.getPluginId());
        String version = wrapper.getDescriptor().getVersion();
        if (row.isEmpty()) {
            store.save(new InstalledPlugin(wrapper.getPluginId(), version, fileName, sha, true, null, actor,
                    PluginStateStore.now()));
            store.audit(wrapper.getPluginId(), "discover", version, fileName, actor);
        } else if (!row.get().sha256().equals(sha)) {
            InstalledPlugin r = row.get();
            store.save(new InstalledPlugin(r.pluginId(), version, fileName, sha, r.enabled(), null, actor,
                    PluginStateStore.now()));
            store.audit(wrapper.getPluginId(), "replace", version, "file changed on disk: " + fileName, actor);
        }
    }

    private PluginInfo info(InstalledPlugin row) {
        PluginWrapper wrapper = manager.getPlugin(row.pluginId());
        Optional<ActivePlugin> active = registry.get(row.pluginId());
        PluginStatus status = active.isPresent() ? PluginStatus.STARTED
                : row.failure() != null ? PluginStatus.FAILED : row.enabled() ? PluginStatus.FAILED
                : PluginStatus.DISABLED;
        String name = wrapper == null || wrapper.getDescriptor().getPluginDescription() == null
                || wrapper.getDescriptor().getPluginDescription().isBlank()
                ? row.pluginId() : wrapper.getDescriptor().getPluginDescription();
        String error = row.failure() != null ? row.failure() : registry.lastError(row.pluginId()).orElse(null);
        return new PluginInfo(row.pluginId(), name, row.version(), status,
                wrapper == null ? "" : Optional.ofNullable(wrapper.getDescriptor().getRequires()).orElse(""),
                active.map(PluginActivation::summary).orElseGet(() -> PluginActivation.declared(manager, row.pluginId())),
                error, row.installedBy(), row.installedAt());
    }

    static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                log.debug("Could not delete {}: {}", file, e.toString());
            }
        }
    }
}
