package io.kehu.platform.plugins.install;

import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginStateStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.system.ApplicationHome;

/**
 * The plugins shipped next to {@code kehu.jar}: installed at start-up when missing, upgraded once everything runs when
 * the bundled version is newer, and never brought back after an admin uninstalled them ({@link BundledPlugins}).
 */
public final class BundledInstall {

    private static final Logger log = LoggerFactory.getLogger(BundledInstall.class);
    private static final List<String> FILE_ACTIONS = List.of("install", "upgrade", "uninstall", "discover", "replace");

    private final PluginProperties properties;
    private final PluginStateStore store;
    private final PluginLifecycle lifecycle;
    private final PluginUploads uploads;

    public BundledInstall(PluginProperties properties, PluginStateStore store, PluginLifecycle lifecycle,
                   PluginUploads uploads) {
        this.properties = properties;
        this.store = store;
        this.lifecycle = lifecycle;
        this.uploads = uploads;
    }

    /** The bundled plugins folder's plugins, or none (no folder, or it is the plugins directory itself). */
    public BundledPlugins.Offer offer() {
        Optional<Path> folder = properties.bundledDirectory(new ApplicationHome(PluginHost.class).getDir().toPath());
        if (folder.isEmpty() || folder.get().equals(lifecycle.directory())) {
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
    public List<BundledPlugins.Bundled> installMissing(BundledPlugins.Offer offer) {
        List<BundledPlugins.Bundled> upgrades = new ArrayList<>();
        for (BundledPlugins.Bundled bundled : offer.plugins().values()) {
            String id = bundled.id();
            Optional<String> lastAction = store.auditActions(id).stream().filter(FILE_ACTIONS::contains).findFirst();
            switch (BundledPlugins.decide(bundled, store.find(id), lastAction)) {
                case UPGRADE -> upgrades.add(bundled);
                case SKIP -> { }
                case INSTALL -> install(bundled);
            }
        }
        return upgrades;
    }

    private void install(BundledPlugins.Bundled bundled) {
        String id = bundled.id();
        Path target = lifecycle.directory().resolve(id + "-" + bundled.version() + "." + bundled.extension());
        try {
            if (!Files.exists(target)) {
                Files.copy(bundled.file(), target);
            }
            store.save(new InstalledPlugin(id, bundled.version(), target.getFileName().toString(),
                    PluginHost.sha256(target), true, null, BundledPlugins.ACTOR, PluginStateStore.now()));
            store.audit(id, "install", bundled.version(), "bundled " + bundled.file().getFileName(),
                    BundledPlugins.ACTOR);
        } catch (IOException | RuntimeException e) {
            lifecycle.fileProblems().put(BundledPlugins.key(bundled.file()),
                    "Bundled plugin " + id + " could not be installed: " + PluginFiles.reason(e));
        }
    }

    /** Upgrades an installed plugin to its newer bundled version; a failure keeps the installed one running. */
    public void upgrade(BundledPlugins.Bundled bundled) {
        String name = bundled.file().getFileName().toString();
        Path copy = null;
        try {
            Path incoming = Files.createDirectories(lifecycle.directory().resolve(".incoming"));
            copy = Files.createTempFile(incoming, "bundled-", "." + bundled.extension());
            Files.copy(bundled.file(), copy, StandardCopyOption.REPLACE_EXISTING);
            boolean enabled = store.find(bundled.id()).map(InstalledPlugin::enabled).orElse(true);
            uploads.put(bundled.descriptor(), copy, bundled.extension(), name, BundledPlugins.ACTOR, enabled);
        } catch (IOException | RuntimeException e) {
            lifecycle.fileProblems().put(BundledPlugins.key(bundled.file()), "Bundled " + bundled.id() + " "
                    + bundled.version() + " was not installed: " + PluginFiles.reason(e));
            log.warn("Bundled plugin {} not installed: {}", name, e.getMessage());
        } finally {
            PluginLifecycle.deleteQuietly(copy);
        }
    }
}
