package io.kehu.platform.plugins;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleFunctionsChanged;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.storage.DatabaseProperties;
import io.kehu.sdk.forms.FormDefinitionProvider;
import io.kehu.sdk.jobs.ScheduledJob;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.settings.SettingsPage;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The plugin host: installs, upgrades, enables, disables and removes plugins at run time, and loads the installed
 * ones at start-up. The plugins directory holds the files, {@code kehu_plugin} what the admin wants and why a plugin
 * failed, {@code kehu_plugin_audit} who did what. A plugin that cannot be loaded, resolved or started is FAILED with
 * its reason while everything else keeps working; every change is ADMIN-only, checked here, not only in the screen.
 */
@Service
public class PluginHost {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginProperties properties;
    private final Path directory;
    private final PluginStateStore store;
    private final ApplicationEventPublisher springEvents;
    private final PluginRegistry registry;
    private final PluginActivation activation;
    private final KehuPluginManager manager;
    private final java.util.function.Function<PluginWrapper, HostPluginContext> contextFactory;
    private final Map<String, HostPluginContext> contexts = new ConcurrentHashMap<>();
    /** Files in the directory that are not loadable plugins: file name → reason. Recomputed at each start. */
    private final Map<String, String> fileProblems = new ConcurrentHashMap<>();

    PluginHost(PluginProperties properties, DatabaseProperties database, PluginStateStore store,
               PluginRegistry registry, PluginActivation activation, Records records, BulkRecords bulk, FormCatalog catalog,
               PluginJobScheduler jobs, PluginSettingsStore settings, PluginEventBus events, CurrentUser currentUser,
               UserAccounts users, ApplicationEventPublisher springEvents,
               org.springframework.beans.factory.ObjectProvider<io.kehu.platform.rules.RuleEngine> rules) {
        this.properties = properties;
        this.springEvents = springEvents;
        this.directory = properties.directory(database.dataDir());
        this.store = store;
        this.registry = registry;
        this.activation = activation;
        this.contextFactory = wrapper -> contexts.computeIfAbsent(wrapper.getPluginId(),
                id -> new HostPluginContext(id, wrapper.getDescriptor().getVersion(), wrapper.getPluginClassLoader(),
                        records, bulk, () -> currentActor(currentUser, users), catalog, jobs, settings,
                        key -> declaredSetting(id, key), events, rules::getObject));
        this.manager = new KehuPluginManager(directory, contextFactory::apply);
    }

    /** The directory plugin files live in ({@code kehu.plugins.dir}). */
    public Path directory() {
        return directory;
    }

    /** Loads every plugin file of the directory and starts the enabled ones, once the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        long began = System.nanoTime();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            log.error("Plugins directory {} cannot be created: {}", directory, e.toString());
            return;
        }
        fileProblems.clear();
        BundledPlugins.Offer bundled = bundledOffer();
        List<BundledPlugins.Bundled> upgrades = installBundled(bundled);
        try {
            manager.loadPlugins();
        } catch (RuntimeException e) {
            log.error("Loading plugins from {} failed: {}", directory, e.toString());
        }
        fileProblems.putAll(PluginFiles.unloaded(directory, manager));
        fileProblems.putAll(bundled.problems());
        for (PluginWrapper wrapper : manager.getPlugins()) {
            remember(wrapper, "system");
        }
        for (InstalledPlugin row : store.all()) {
            if (manager.getPlugin(row.pluginId()) == null) {
                store.setFailure(row.pluginId(), "The file " + row.fileName() + " is missing or unreadable.");
            }
        }
        for (PluginWrapper wrapper : new ArrayList<>(manager.getPlugins())) {
            boolean enabled = store.find(wrapper.getPluginId()).map(InstalledPlugin::enabled).orElse(true);
            if (enabled) {
                startPlugin(wrapper.getPluginId());
            }
        }
        upgrades.forEach(this::upgradeBundled);
        log.info("{} plugin(s) started from {} in {} ms", registry.all().size(), directory,
                (System.nanoTime() - began) / 1_000_000);
    }

    private BundledPlugins.Offer bundledOffer() {
        Optional<Path> folder = properties.bundledDirectory(
                new org.springframework.boot.system.ApplicationHome(PluginHost.class).getDir().toPath());
        if (folder.isEmpty() || folder.get().equals(directory)) {
            return new BundledPlugins.Offer(Map.of(), Map.of());
        }
        BundledPlugins.Offer offer = BundledPlugins.read(folder.get());
        log.info("{} bundled plugin(s) in {}", offer.plugins().size(), folder.get());
        return offer;
    }

    /**
     * Copies bundled plugins that are not installed into the plugins directory (they load with the others) and
     * returns those installed in an older version, to upgrade once everything runs.
     */
    private List<BundledPlugins.Bundled> installBundled(BundledPlugins.Offer offer) {
        List<BundledPlugins.Bundled> upgrades = new ArrayList<>();
        for (BundledPlugins.Bundled bundled : offer.plugins().values()) {
            String id = bundled.id();
            Optional<String> lastAction = store.auditActions(id).stream()
                    .filter(a -> List.of("install", "upgrade", "uninstall", "discover", "replace").contains(a))
                    .findFirst();
            switch (BundledPlugins.decide(bundled, store.find(id), lastAction)) {
                case UPGRADE -> upgrades.add(bundled);
                case SKIP -> { }
                case INSTALL -> {
                    Path target = directory.resolve(id + "-" + bundled.version() + "." + bundled.extension());
                    try {
                        if (!Files.exists(target)) {
                            Files.copy(bundled.file(), target);
                        }
                        store.save(new InstalledPlugin(id, bundled.version(), target.getFileName().toString(),
                                sha256(target), true, null, BundledPlugins.ACTOR, PluginStateStore.now()));
                        store.audit(id, "install", bundled.version(), "bundled " + bundled.file().getFileName(),
                                BundledPlugins.ACTOR);
                    } catch (IOException | RuntimeException e) {
                        fileProblems.put(BundledPlugins.key(bundled.file()),
                                "Bundled plugin " + id + " could not be installed: " + PluginFiles.reason(e));
                    }
                }
            }
        }
        return upgrades;
    }

    /** Upgrades an installed plugin to its newer bundled version; a failure keeps the installed one running. */
    private void upgradeBundled(BundledPlugins.Bundled bundled) {
        String name = bundled.file().getFileName().toString();
        Path copy = null;
        try {
            Path incoming = Files.createDirectories(directory.resolve(".incoming"));
            copy = Files.createTempFile(incoming, "bundled-", "." + bundled.extension());
            Files.copy(bundled.file(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            boolean enabled = store.find(bundled.id()).map(InstalledPlugin::enabled).orElse(true);
            put(bundled.descriptor(), copy, bundled.extension(), name, BundledPlugins.ACTOR, enabled);
        } catch (IOException | RuntimeException e) {
            fileProblems.put(BundledPlugins.key(bundled.file()), "Bundled " + bundled.id() + " "
                    + bundled.version() + " was not installed: " + PluginFiles.reason(e));
            log.warn("Bundled plugin {} not installed: {}", name, e.getMessage());
        } finally {
            deleteQuietly(copy);
        }
    }

    /** Stops the plugins one by one in reverse start order (PF4J 3.15's stopPlugins() can fail half-way). */
    @PreDestroy
    public synchronized void stopAll() {
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper wrapper : started) {
            stopPlugin(wrapper.getPluginId());
        }
    }

    /** Every installed plugin and every unusable file of the directory, by id. */
    public synchronized List<PluginInfo> plugins() {
        Map<String, PluginInfo> rows = new java.util.TreeMap<>();
        for (InstalledPlugin row : store.all()) {
            rows.put(row.pluginId(), info(row));
        }
        fileProblems.forEach((file, reason) -> rows.put(file, new PluginInfo(file, file, "", PluginStatus.FAILED,
                "", List.of(), reason, null, null)));
        return List.copyOf(rows.values());
    }

    public synchronized Optional<PluginInfo> plugin(String pluginId) {
        return plugins().stream().filter(p -> p.pluginId().equals(pluginId)).findFirst();
    }

    /**
     * Installs an uploaded plugin file, or upgrades the installed plugin of the same id when the file's version is
     * newer, and starts it. Refusals write nothing.
     *
     * @throws PluginRefusedException for a wrong, unsafe, incompatible or duplicate file
     * @throws AccessDeniedException unless {@code actor} is an admin
     */
    public synchronized PluginInfo install(Actor actor, String fileName, InputStream content) {
        requireAdmin(actor);
        Path upload = null;
        try {
            String extension = PluginFileCheck.extensionOf(fileName);
            Path incoming = Files.createDirectories(directory.resolve(".incoming"));
            upload = Files.createTempFile(incoming, "upload-", "." + extension);
            copyAtMost(content, upload, fileName);
            PluginFileCheck.check(upload, fileName, properties.limits());
            PluginDescriptor descriptor = PluginDescriptors.read(upload, fileName);
            String id = descriptor.getPluginId();
            Optional<InstalledPlugin> installed = store.find(id);
            PluginWrapper loaded = manager.getPlugin(id);
            String installedVersion = installed.map(InstalledPlugin::version)
                    .orElse(loaded == null ? null : loaded.getDescriptor().getVersion());
            if (installedVersion != null && !PluginDescriptors.newer(descriptor.getVersion(), installedVersion)) {
                throw new PluginRefusedException("plugins.refused.duplicate", fileName, id, installedVersion);
            }
            return put(descriptor, upload, extension, fileName, actor.username(), true);
        } catch (PluginRefusedException e) {
            store.audit(String.valueOf(fileName), "refuse", null, e.getMessage(), actor.username());
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(upload);
        }
    }

    /** Starts a disabled (or failed) plugin again and remembers that it should run. */
    public synchronized PluginInfo enable(Actor actor, String pluginId) {
        requireAdmin(actor);
        InstalledPlugin row = store.find(pluginId).orElseThrow(() -> unknown(pluginId));
        store.setEnabled(pluginId, true);
        store.audit(pluginId, "enable", row.version(), null, actor.username());
        if (manager.getPlugin(pluginId) == null) {
            load(pluginId, directory.resolve(row.fileName()), true);
        } else {
            startPlugin(pluginId);
        }
        return plugin(pluginId).orElseThrow();
    }

    /** Stops a plugin and remembers that it should not run; its forms and data stay. */
    public synchronized PluginInfo disable(Actor actor, String pluginId) {
        requireAdmin(actor);
        InstalledPlugin row = store.find(pluginId).orElseThrow(() -> unknown(pluginId));
        stopPlugin(pluginId);
        store.setEnabled(pluginId, false);
        store.setFailure(pluginId, null);
        store.audit(pluginId, "disable", row.version(), null, actor.username());
        return plugin(pluginId).orElseThrow();
    }

    /**
     * Stops, unloads and deletes a plugin (or an unusable file of the directory). Its forms, records and settings
     * stay, so installing it again finds them.
     */
    public synchronized void uninstall(Actor actor, String pluginId) {
        requireAdmin(actor);
        Optional<InstalledPlugin> row = store.find(pluginId);
        if (row.isEmpty() && fileProblems.remove(pluginId) != null) {
            PluginFiles.delete(directory.resolve(pluginId));
            store.audit(pluginId, "uninstall", null, "unusable file", actor.username());
            return;
        }
        InstalledPlugin installed = row.orElseThrow(() -> unknown(pluginId));
        removeFiles(pluginId, row);
        store.delete(pluginId);
        store.audit(pluginId, "uninstall", installed.version(), null, actor.username());
    }

    /** The settings a started plugin declares ({@code SettingsPage}), in display order. */
    public List<SettingField> settingFields(String pluginId) {
        return registry.get(pluginId).map(p -> p.get(SettingsPage.class).stream()
                .flatMap(page -> page.fields().stream()).toList()).orElse(List.of());
    }

    /** The current value of each declared setting (stored, else its default). */
    public Map<String, String> settingValues(String pluginId) {
        Map<String, String> values = new LinkedHashMap<>();
        HostPluginContext context = contexts.get(pluginId);
        for (SettingField field : settingFields(pluginId)) {
            values.put(field.key(), context == null ? field.defaultValue()
                    : context.settings().get(field.key()).orElse(null));
        }
        return values;
    }

    /** Stores settings of a plugin, ADMIN only. */
    public void saveSettings(Actor actor, String pluginId, Map<String, String> values) {
        requireAdmin(actor);
        HostPluginContext context = contexts.get(pluginId);
        if (context == null) {
            throw unknown(pluginId);
        }
        values.forEach((key, value) -> context.settings().put(key, value));
        store.audit(pluginId, "settings", null, String.join(",", values.keySet()), actor.username());
    }

    /**
     * Puts a checked plugin file in place: installs it, or upgrades the installed plugin of the same id. An upgrade
     * keeps the previous file aside until the new version has been loaded (and started, when {@code enabled}); if the
     * new version fails, it is removed again, the previous version is put back and runs as before, and the failure
     * is thrown as a refusal: nothing is left half-installed.
     *
     * @param incoming the checked file, moved into the directory
     * @param fileName the name the file came with, for messages
     * @param actor who installs: a user name, or {@code bundled}
     * @param enabled whether the plugin should run (an upgrade of a disabled plugin stays disabled)
     * @throws PluginRefusedException when an upgrade failed and the previous version was restored
     */
    private PluginInfo put(PluginDescriptor descriptor, Path incoming, String extension, String fileName,
                           String actor, boolean enabled) throws IOException {
        String id = descriptor.getPluginId();
        String version = descriptor.getVersion();
        Optional<InstalledPlugin> previous = store.find(id);
        Path kept = previous.isPresent() || manager.getPlugin(id) != null ? setAside(id, previous) : null;
        Path target = directory.resolve(id + "-" + version + "." + extension);
        Files.move(incoming, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        store.save(new InstalledPlugin(id, version, target.getFileName().toString(), sha256(target), enabled, null,
                actor, PluginStateStore.now()));
        Optional<String> problem = load(id, target, enabled);
        if (problem.isPresent() && previous.isPresent() && kept != null) {
            removeFiles(id, store.find(id));
            Path restored = directory.resolve(previous.get().fileName());
            Files.move(kept, restored, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            store.save(previous.get());
            load(id, restored, previous.get().enabled());
            store.audit(id, "upgrade-failed", version, problem.get() + " - kept " + previous.get().version(), actor);
            log.warn("Upgrade of plugin {} to {} failed, {} restored: {}", id, version, previous.get().version(),
                    problem.get());
            throw new PluginRefusedException("plugins.refused.upgradeFailed", fileName, id, version, problem.get(),
                    previous.get().version());
        }
        deleteQuietly(kept);
        store.audit(id, previous.isEmpty() ? "install" : "upgrade", version,
                previous.map(p -> "from " + p.version()).orElse(fileName), actor);
        return plugin(id).orElseThrow();
    }

    /**
     * Stops and unloads the installed version of a plugin and moves its file aside (into {@code .incoming}, which
     * PF4J does not scan), so that a failed upgrade can put it back; returns where it is, or {@code null}.
     */
    private Path setAside(String pluginId, Optional<InstalledPlugin> row) throws IOException {
        Path kept = null;
        Path file = row.map(r -> directory.resolve(r.fileName())).filter(Files::isRegularFile).orElse(null);
        if (file != null) {
            kept = Files.createDirectories(directory.resolve(".incoming"))
                    .resolve("previous-" + file.getFileName());
            Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        removeFiles(pluginId, row);
        return kept;
    }

    /** Loads a plugin file and, when {@code start}, starts it; returns why that failed (also stored), or empty. */
    private Optional<String> load(String pluginId, Path file, boolean start) {
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
        return startPlugin(pluginId);
    }

    private Optional<String> fail(String pluginId, String reason) {
        store.setFailure(pluginId, reason);
        log.warn("Plugin {} FAILED: {}", pluginId, reason);
        return Optional.of(reason);
    }

    /** Starts a loaded plugin and plugs its extensions in; records FAILED with the reason otherwise. */
    private Optional<String> startPlugin(String pluginId) {
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
                    registry.add(activation.activate(wrapper, manager, contextFactory.apply(wrapper)));
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

    private void stopPlugin(String pluginId) {
        activation.deactivate(pluginId);
        safeStop(pluginId);
        HostPluginContext context = contexts.get(pluginId);
        if (context != null) {
            context.stopped();
        }
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
    private void removeFiles(String pluginId, Optional<InstalledPlugin> row) {
        stopPlugin(pluginId);
        HostPluginContext context = contexts.remove(pluginId);
        if (context != null) {
            context.release();
        }
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

    private void remember(PluginWrapper wrapper, String actor) {
        String sha = sha256(PluginFiles.fileOf(wrapper, directory));
        String file = PluginFiles.fileOf(wrapper, directory).getFileName().toString();
        Optional<InstalledPlugin> row = store.find(wrapper.getPluginId());
        String version = wrapper.getDescriptor().getVersion();
        if (row.isEmpty()) {
            store.save(new InstalledPlugin(wrapper.getPluginId(), version, file, sha, true, null, actor,
                    PluginStateStore.now()));
            store.audit(wrapper.getPluginId(), "discover", version, file, actor);
        } else if (!row.get().sha256().equals(sha)) {
            InstalledPlugin r = row.get();
            store.save(new InstalledPlugin(r.pluginId(), version, file, sha, r.enabled(), null, actor,
                    PluginStateStore.now()));
            store.audit(wrapper.getPluginId(), "replace", version, "file changed on disk: " + file, actor);
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
        if (status == PluginStatus.FAILED && error == null) {
            error = "Not started.";
        }
        return new PluginInfo(row.pluginId(), name, row.version(), status,
                wrapper == null ? "" : Optional.ofNullable(wrapper.getDescriptor().getRequires()).orElse(""),
                active.map(PluginActivation::summary).orElseGet(() -> PluginActivation.declared(manager, row.pluginId())),
                error, row.installedBy(), row.installedAt());
    }

    private Optional<SettingField> declaredSetting(String pluginId, String key) {
        return settingFields(pluginId).stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private static Actor currentActor(CurrentUser currentUser, UserAccounts users) {
        try {
            return currentUser.username().flatMap(users::findByUsername).map(Actor::of).orElse(null);
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }

    private void copyAtMost(InputStream content, Path target, String fileName) throws IOException {
        long max = properties.maxUploadSize().toBytes();
        long written = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = content.read(buffer)) > 0) {
                written += read;
                if (written > max) {
                    throw new PluginRefusedException("plugins.refused.tooLarge", fileName, max / (1024 * 1024));
                }
                out.write(buffer, 0, read);
            }
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Only administrators manage plugins.");
        }
    }

    private static IllegalArgumentException unknown(String pluginId) {
        return new IllegalArgumentException("No plugin '" + pluginId + "' is installed.");
    }

    static String sha256(Path file) {
        if (Files.isDirectory(file)) {
            return "0".repeat(64); // a plugin directory (development): no single file to fingerprint
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.debug("Could not delete {}: {}", file, e.toString());
            }
        }
    }
}
