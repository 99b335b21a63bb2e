package io.kehu.platform.plugins;

import io.kehu.platform.plugins.install.BundledInstall;
import io.kehu.platform.plugins.install.BundledPlugins;
import io.kehu.platform.plugins.install.InstalledPlugin;
import io.kehu.platform.plugins.install.PluginFiles;
import io.kehu.platform.plugins.install.PluginLifecycle;
import io.kehu.platform.plugins.install.PluginProperties;
import io.kehu.platform.plugins.install.PluginUploads;
import io.kehu.platform.plugins.sdk.HostPluginContext;
import io.kehu.platform.plugins.sdk.PluginContexts;

import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.storage.DatabaseProperties;
import io.kehu.sdk.settings.SettingField;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
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
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The plugin host: installs, upgrades, enables, disables and removes plugins at run time, and loads the installed
 * ones at start-up. The plugins directory holds the files, {@code kehu_plugin} what the admin wants and why a plugin
 * failed, {@code kehu_plugin_audit} who did what. A plugin that cannot be loaded, resolved or started is FAILED with
 * its reason while everything else keeps working; every change is ADMIN-only, checked here, not only in the screen.
 *
 * <p>The front of four parts, each behind this one lock: {@link PluginLifecycle} (PF4J loading, starting,
 * stopping, removing), {@link PluginUploads} (uploads and upgrades with a way back), {@link BundledInstall} (the
 * plugins shipped with Kehu) and the settings below; {@link PluginContexts} makes what plugins are lent.
 */
@Service
public class PluginHost {

    /** The key of a plugin's own name in its {@code plugin-messages} bundles. */
    public static final String NAME_KEY = "plugin.name";

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final PluginStateStore store;
    private final PluginRegistry registry;
    private final PluginContexts contexts;
    private final PluginLifecycle lifecycle;
    private final PluginUploads uploads;
    private final BundledInstall bundled;
    private final PluginJobScheduler jobs;
    private final ApplicationEventPublisher springEvents;

    PluginHost(PluginProperties properties, DatabaseProperties database, PluginStateStore store,
               PluginRegistry registry, PluginActivation activation, PluginContexts contexts,
               ApplicationEventPublisher springEvents, PluginJobScheduler jobs) {
        this.store = store;
        this.jobs = jobs;
        this.springEvents = springEvents;
        this.registry = registry;
        this.contexts = contexts;
        this.lifecycle = new PluginLifecycle(properties.directory(database.dataDir()), store, registry, activation,
                contexts, springEvents);
        this.uploads = new PluginUploads(properties, store, lifecycle);
        this.bundled = new BundledInstall(properties, store, lifecycle, uploads);
    }

    /** The directory plugin files live in ({@code kehu.plugins.dir}). */
    public Path directory() {
        return lifecycle.directory();
    }

    /** Loads every plugin file of the directory and starts the enabled ones, once the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() {
        long began = System.nanoTime();
        Path directory = lifecycle.directory();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            log.error("Plugins directory {} cannot be created: {}", directory, e.toString());
            return;
        }
        lifecycle.fileProblems().clear();
        BundledPlugins.Offer offer = bundled.offer();
        List<BundledPlugins.Bundled> upgrades = bundled.installMissing(offer);
        lifecycle.loadAll();
        lifecycle.fileProblems().putAll(offer.problems());
        upgrades.forEach(bundled::upgrade);
        log.info("{} plugin(s) started from {} in {} ms", registry.all().size(), directory,
                (System.nanoTime() - began) / 1_000_000);
        springEvents.publishEvent(new PluginsStarted());
    }

    /**
     * Runs job {@code jobId} of plugin {@code pluginId} now, in the background, through the same lock as its
     * scheduled runs; {@code false} when that plugin is not running or has no such job.
     */
    public boolean runJobNow(String pluginId, String jobId) {
        if (registry.get(pluginId).isEmpty()) {
            return false;
        }
        try {
            jobs.runNow(pluginId, jobId);
            return true;
        } catch (IllegalArgumentException noSuchJob) {
            return false;
        }
    }

    /** Stops the plugins one by one in reverse start order (PF4J 3.15's stopPlugins() can fail half-way). */
    @PreDestroy
    public synchronized void stopAll() {
        List<PluginWrapper> started = new ArrayList<>(lifecycle.manager().getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper wrapper : started) {
            lifecycle.stop(wrapper.getPluginId());
        }
    }

    /** Every installed plugin and every unusable file of the directory, by id. */
    public synchronized List<PluginInfo> plugins() {
        return lifecycle.plugins();
    }

    public synchronized Optional<PluginInfo> plugin(String pluginId) {
        return lifecycle.plugin(pluginId);
    }

    /**
     * The name people read for a plugin: a started plugin's {@code plugin.name} in its messages (so a Chinese admin
     * reads 客户分级, not {@code tiering}); else {@code fallback} (its description or id, as PF4J knows it).
     */
    public String displayName(String pluginId, String fallback, java.util.Locale locale) {
        return registry.get(pluginId).map(p -> p.context().messages().get(NAME_KEY, locale))
                .filter(name -> !name.startsWith("!"))
                .orElse(fallback == null ? pluginId : fallback);
    }

    /**
     * Installs an uploaded plugin file, or upgrades the installed plugin of the same id when the file's version is
     * newer, and starts it. Refusals write nothing.
     *
     * @throws PluginRefusedException for a wrong, unsafe, incompatible or duplicate file
     * @throws AccessRefusedException unless {@code actor} is an admin
     */
    public PluginInfo install(Actor actor, String fileName, InputStream content) {
        return install(actor, fileName, content, null);
    }

    /**
     * As {@link #install(Actor, String, InputStream)}, first checking the file against the SHA-256 its publisher
     * announced ({@code expectedSha256}; blank = not given).
     *
     * @throws PluginRefusedException also when the file's SHA-256 differs or the given one is malformed
     */
    public synchronized PluginInfo install(Actor actor, String fileName, InputStream content, String expectedSha256) {
        requireAdmin(actor);
        try {
            return uploads.install(actor.username(), fileName, content, expectedSha256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a disabled (or failed) plugin again and remembers that it should run. */
    public synchronized PluginInfo enable(Actor actor, String pluginId) {
        requireAdmin(actor);
        InstalledPlugin row = store.find(pluginId).orElseThrow(() -> unknown(pluginId));
        store.setEnabled(pluginId, true);
        store.audit(pluginId, "enable", row.version(), null, actor.username());
        if (lifecycle.manager().getPlugin(pluginId) == null) {
            lifecycle.load(pluginId, lifecycle.directory().resolve(row.fileName()), true);
        } else {
            lifecycle.start(pluginId);
        }
        return plugin(pluginId).orElseThrow();
    }

    /** Stops a plugin and remembers that it should not run; its forms and data stay. */
    public synchronized PluginInfo disable(Actor actor, String pluginId) {
        requireAdmin(actor);
        InstalledPlugin row = store.find(pluginId).orElseThrow(() -> unknown(pluginId));
        lifecycle.stop(pluginId);
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
        if (row.isEmpty() && lifecycle.fileProblems().remove(pluginId) != null) {
            PluginFiles.delete(lifecycle.directory().resolve(pluginId));
            store.audit(pluginId, "uninstall", null, "unusable file", actor.username());
            return;
        }
        InstalledPlugin installed = row.orElseThrow(() -> unknown(pluginId));
        lifecycle.removeFiles(pluginId, row);
        store.delete(pluginId);
        store.audit(pluginId, "uninstall", installed.version(), null, actor.username());
    }

    /** The settings a started plugin declares ({@code SettingsPage}), in display order. */
    public List<SettingField> settingFields(String pluginId) {
        return contexts.declaredSettings(pluginId);
    }

    /** The current value of each declared setting (stored, else its default). */
    public Map<String, String> settingValues(String pluginId) {
        Map<String, String> values = new LinkedHashMap<>();
        Optional<HostPluginContext> context = contexts.find(pluginId);
        for (SettingField field : settingFields(pluginId)) {
            values.put(field.key(), context.isEmpty() ? field.defaultValue()
                    : context.get().settings().get(field.key()).orElse(null));
        }
        return values;
    }

    /** Stores settings of a plugin, ADMIN only. */
    public void saveSettings(Actor actor, String pluginId, Map<String, String> values) {
        requireAdmin(actor);
        HostPluginContext context = contexts.find(pluginId).orElseThrow(() -> unknown(pluginId));
        values.forEach((key, value) -> context.settings().put(key, value));
        store.audit(pluginId, "settings", null, String.join(",", values.keySet()), actor.username());
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw new AccessRefusedException("只有管理员可以管理插件。", "Only administrators manage plugins.");
        }
    }

    private static IllegalArgumentException unknown(String pluginId) {
        return new IllegalArgumentException("No plugin '" + pluginId + "' is installed.");
    }

    public static String sha256(Path file) {
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
}
