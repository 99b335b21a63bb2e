package io.kehu.platform.plugins.install;

import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginInfo;
import io.kehu.platform.plugins.PluginRefusedException;
import io.kehu.platform.plugins.PluginStateStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Putting new plugin files in place: an admin's upload (checked before anything is written) and a checked file
 * installed or upgraded with a way back, so that a failed upgrade leaves the previous version running.
 */
public final class PluginUploads {

    private static final Logger log = LoggerFactory.getLogger(PluginUploads.class);

    private final PluginProperties properties;
    private final PluginStateStore store;
    private final PluginLifecycle lifecycle;

    public PluginUploads(PluginProperties properties, PluginStateStore store, PluginLifecycle lifecycle) {
        this.properties = properties;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    /**
     * Checks an uploaded file and installs it, or upgrades the installed plugin of the same id when the file's
     * version is newer. Refusals write nothing but their audit line.
     *
     * @param expectedSha256 the SHA-256 the plugin's publisher announced, checked before anything else; blank = none
     */
    public PluginInfo install(String actor, String fileName, InputStream content, String expectedSha256) throws IOException {
        Path upload = null;
        try {
            String extension = PluginFileCheck.extensionOf(fileName);
            Path incoming = Files.createDirectories(lifecycle.directory().resolve(".incoming"));
            upload = Files.createTempFile(incoming, "upload-", "." + extension);
            copyAtMost(content, upload, fileName);
            PluginFileCheck.verifySha256(upload, fileName, expectedSha256);
            PluginFileCheck.check(upload, fileName, properties.limits());
            PluginDescriptor descriptor = PluginDescriptors.read(upload, fileName);
            String id = descriptor.getPluginId();
            Optional<InstalledPlugin> installed = store.find(id);
            PluginWrapper loaded = lifecycle.manager().getPlugin(id);
            String installedVersion = installed.map(InstalledPlugin::version)
                    .orElse(loaded == null ? null : loaded.getDescriptor().getVersion());
            if (installedVersion != null && !PluginDescriptors.newer(descriptor.getVersion(), installedVersion)) {
                throw new PluginRefusedException("plugins.refused.duplicate", fileName, id, installedVersion);
            }
            return put(descriptor, upload, extension, fileName, actor, true);
        } catch (PluginRefusedException e) {
            store.audit(String.valueOf(fileName), "refuse", null, e.getMessage(), actor);
            throw e;
        } finally {
            PluginLifecycle.deleteQuietly(upload);
        }
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
    PluginInfo put(PluginDescriptor descriptor, Path incoming, String extension, String fileName, String actor,
                   boolean enabled) throws IOException {
        String id = descriptor.getPluginId();
        String version = descriptor.getVersion();
        Path directory = lifecycle.directory();
        Optional<InstalledPlugin> previous = store.find(id);
        Path kept = previous.isPresent() || lifecycle.manager().getPlugin(id) != null ? setAside(id, previous) : null;
        Path target = directory.resolve(id + "-" + version + "." + extension);
        Files.move(incoming, target, StandardCopyOption.REPLACE_EXISTING);
        store.save(new InstalledPlugin(id, version, target.getFileName().toString(), PluginHost.sha256(target),
                enabled, null, actor, PluginStateStore.now()));
        Optional<String> problem = lifecycle.load(id, target, enabled);
        if (problem.isPresent() && previous.isPresent() && kept != null) {
            lifecycle.removeFiles(id, store.find(id));
            Path restored = directory.resolve(previous.get().fileName());
            Files.move(kept, restored, StandardCopyOption.REPLACE_EXISTING);
            store.save(previous.get());
            lifecycle.load(id, restored, previous.get().enabled());
            store.audit(id, "upgrade-failed", version, problem.get() + " - kept " + previous.get().version(), actor);
            log.warn("Upgrade of plugin {} to {} failed, {} restored: {}", id, version, previous.get().version(),
                    problem.get());
            throw new PluginRefusedException("plugins.refused.upgradeFailed", fileName, id, version, problem.get(),
                    previous.get().version());
        }
        PluginLifecycle.deleteQuietly(kept);
        store.audit(id, previous.isEmpty() ? "install" : "upgrade", version,
                previous.map(p -> "from " + p.version()).orElse(fileName), actor);
        return lifecycle.plugin(id).orElseThrow();
    }

    /**
     * Stops and unloads the installed version of a plugin and moves its file aside (into {@code .incoming}, which
     * PF4J does not scan), so that a failed upgrade can put it back; returns where it is, or {@code null}.
     */
    private Path setAside(String pluginId, Optional<InstalledPlugin> row) throws IOException {
        Path directory = lifecycle.directory();
        Path kept = null;
        Path file = row.map(r -> directory.resolve(r.fileName())).filter(Files::isRegularFile).orElse(null);
        if (file != null) {
            kept = Files.createDirectories(directory.resolve(".incoming")).resolve("previous-" + file.getFileName());
            Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
        }
        lifecycle.removeFiles(pluginId, row);
        return kept;
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
}
