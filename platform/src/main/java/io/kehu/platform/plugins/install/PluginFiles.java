package io.kehu.platform.plugins.install;

import io.kehu.platform.plugins.PluginRefusedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * The plugins directory as files: which files PF4J did not load and why (in words an admin understands), where a
 * loaded plugin's file is, and removing files. PF4J only logs such failures; the host shows them.
 */
public final class PluginFiles {

    private PluginFiles() {
    }

    /** Plugin files of {@code directory} that no loaded plugin came from, with the reason. */
    static Map<String, String> unloaded(Path directory, PluginManager manager) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(PluginFiles::isPluginFile).sorted().toList();
        } catch (IOException e) {
            return problems;
        }
        for (Path file : files) {
            if (manager.getPlugins().stream().anyMatch(w -> fileOf(w, directory).equals(file))) {
                continue;
            }
            problems.put(file.getFileName().toString(), whyNotLoaded(file, directory, manager));
        }
        return problems;
    }

    /** Why PF4J did not load the plugin file {@code file}: a duplicate id, a missing dependency, its descriptor. */
    static String whyNotLoaded(Path file, Path directory, PluginManager manager) {
        try {
            PluginDescriptor d = PluginDescriptors.read(file, file.getFileName().toString());
            PluginWrapper other = manager.getPlugin(d.getPluginId());
            return other != null && !fileOf(other, directory).equals(file)
                    ? "Duplicate plugin id '" + d.getPluginId() + "': already loaded from "
                    + fileOf(other, directory).getFileName() + "."
                    : missingDependency(d, manager).orElse("PF4J could not load it (see the log).");
        } catch (PluginRefusedException e) {
            return e.getMessage();
        }
    }

    private static boolean isPluginFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return !name.startsWith(".") && Files.isRegularFile(file) && (name.endsWith(".jar") || name.endsWith(".zip"));
    }

    /** The file a plugin was loaded from: the zip for an unpacked zip, else its path. */
    static Path fileOf(PluginWrapper wrapper, Path directory) {
        Path path = wrapper.getPluginPath().toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            Path zip = path.resolveSibling(path.getFileName() + ".zip");
            if (Files.exists(zip)) {
                return zip;
            }
        }
        return path;
    }

    private static Optional<String> missingDependency(PluginDescriptor descriptor, PluginManager manager) {
        return descriptor.getDependencies().stream()
                .filter(dep -> !dep.isOptional() && manager.getPlugin(dep.getPluginId()) == null)
                .findFirst()
                .map(dep -> "Plugin '" + descriptor.getPluginId() + "' needs the plugin '" + dep.getPluginId() + "' ("
                        + dep.getPluginVersionSupport() + "), which is not installed.");
    }

    /** Why a loaded plugin's dependencies are not met, or empty. */
    static Optional<String> dependencyProblem(PluginWrapper wrapper, PluginManager manager) {
        if (wrapper == null) {
            return Optional.of("The plugin is not loaded.");
        }
        for (PluginDependency dependency : wrapper.getDescriptor().getDependencies()) {
            PluginWrapper needed = manager.getPlugin(dependency.getPluginId());
            if (needed == null && !dependency.isOptional()) {
                return Optional.of("It needs the plugin '" + dependency.getPluginId() + "' ("
                        + dependency.getPluginVersionSupport() + "), which is not installed.");
            }
            if (needed != null && !PluginDescriptors.VERSIONS.checkVersionConstraint(
                    needed.getDescriptor().getVersion(), dependency.getPluginVersionSupport())) {
                return Optional.of("It needs the plugin '" + dependency.getPluginId() + "' "
                        + dependency.getPluginVersionSupport() + ", but " + needed.getDescriptor().getVersion()
                        + " is installed.");
            }
        }
        return Optional.empty();
    }

    /** A short readable reason for an exception: its message and its root cause's. */
    public static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e) {
            text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text;
    }

    /** Deletes a plugin file, or an unpacked plugin directory, if present. */
    public static void delete(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            } else {
                Files.deleteIfExists(path);
                String name = path.getFileName().toString();
                if (name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                    delete(path.resolveSibling(name.substring(0, name.length() - 4)));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
