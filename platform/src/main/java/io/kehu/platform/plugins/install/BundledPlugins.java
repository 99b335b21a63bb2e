package io.kehu.platform.plugins.install;

import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginRefusedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;

/**
 * The plugins shipped with Kehu: plugin files in a folder next to the application jar (the build copies every module
 * under {@code plugins/} there). At start-up the host installs those not installed yet and upgrades those installed in
 * an older version; it never downgrades, never re-enables a plugin an admin disabled and never re-installs one an admin
 * uninstalled. This class only reads the folder; {@link PluginHost} does the installing.
 */
public final class BundledPlugins {

    /** Who the host records as having installed a bundled plugin. */
    static final String ACTOR = "bundled";

    /**
     * A bundled plugin file and its (valid) descriptor.
     *
     * @param file the file in the bundled folder
     * @param descriptor what its manifest says
     */
    public record Bundled(Path file, PluginDescriptor descriptor) {

        String id() {
            return descriptor.getPluginId();
        }

        String version() {
            return descriptor.getVersion();
        }

        String extension() {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") ? "zip" : "jar";
        }
    }

    /**
     * What the bundled folder offers.
     *
     * @param plugins the newest file of each plugin id, by id
     * @param problems files that are not usable plugins: file name → reason
     */
    public record Offer(Map<String, Bundled> plugins, Map<String, String> problems) {
    }

    private BundledPlugins() {
    }

    /** Reads {@code folder} (a missing folder offers nothing); several versions of one id: the newest wins. */
    static Offer read(Path folder) {
        Map<String, Bundled> newest = new TreeMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return new Offer(newest, problems);
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(BundledPlugins::isPluginFile).sorted().toList()) {
                String name = file.getFileName().toString();
                try {
                    PluginDescriptor descriptor = PluginDescriptors.read(file, name);
                    Bundled candidate = new Bundled(file, descriptor);
                    Bundled other = newest.get(candidate.id());
                    if (other == null || PluginDescriptors.newer(candidate.version(), other.version())) {
                        newest.put(candidate.id(), candidate);
                    }
                } catch (PluginRefusedException e) {
                    problems.put(key(file), "Bundled plugin file " + file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.put(folder.toString(), "The bundled plugins folder cannot be read: " + e);
        }
        return new Offer(newest, problems);
    }

    /**
     * What to do with a bundled plugin, given the installed row and the plugin's last lifecycle action in the audit
     * ({@code install}, {@code upgrade}, {@code uninstall}, ...).
     */
    static Decision decide(Bundled bundled, Optional<InstalledPlugin> installed, Optional<String> lastAction) {
        if (installed.isEmpty()) {
            return lastAction.filter("uninstall"::equals).isPresent() ? Decision.SKIP : Decision.INSTALL;
        }
        return PluginDescriptors.newer(bundled.version(), installed.get().version()) ? Decision.UPGRADE
                : Decision.SKIP;
    }

    enum Decision { INSTALL, UPGRADE, SKIP }

    /** How a problem with a bundled file is listed on the Plugins screen (never a name in the plugins directory). */
    static String key(Path file) {
        return "bundled/" + file.getFileName();
    }

    private static boolean isPluginFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && Files.isRegularFile(file) && (name.endsWith(".jar") || name.endsWith(".zip"));
    }
}
