package io.kehu.sdk.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The plugin a test runs against, described the way its jar's manifest will describe it.
 *
 * <p>{@link #fromBuild()} reads the system properties the Kehu plugins parent pom hands to Surefire:
 * {@code kehu.plugin.id}, {@code kehu.plugin.class}, {@code kehu.plugin.version}, {@code kehu.plugin.requires},
 * {@code kehu.plugin.dependencies} and {@code kehu.plugin.classes} (the compiled classes, default
 * {@code target/classes}). Tests run before Maven's package phase, so the testkit packs the classes itself, exactly as
 * the build will: same entries, same {@code Plugin-*} manifest.
 *
 * @param id {@code Plugin-Id}
 * @param pluginClass {@code Plugin-Class}, may be empty
 * @param version {@code Plugin-Version}
 * @param requires {@code Plugin-Requires}, may be empty
 * @param dependencies {@code Plugin-Dependencies}, may be empty
 * @param classes the compiled classes and resources
 */
public record PluginUnderTest(String id, String pluginClass, String version, String requires, String dependencies,
                              Path classes) {

    /** The plugin of the module being built, from Surefire's system properties. */
    public static PluginUnderTest fromBuild() {
        String id = System.getProperty("kehu.plugin.id", "").trim();
        if (id.isEmpty()) {
            throw new IllegalStateException("The system property kehu.plugin.id is not set: the testkit learns which "
                    + "plugin to load from Surefire's systemPropertyVariables, which the Kehu plugins parent pom "
                    + "(io.kehu:kehu-plugins) sets from the plugin.* properties. Use that parent, or set kehu.plugin.id, "
                    + "kehu.plugin.class, kehu.plugin.version and kehu.plugin.requires yourself.");
        }
        return new PluginUnderTest(id,
                System.getProperty("kehu.plugin.class", ""),
                System.getProperty("kehu.plugin.version", "0.0.0"),
                System.getProperty("kehu.plugin.requires", ""),
                System.getProperty("kehu.plugin.dependencies", ""),
                Path.of(System.getProperty("kehu.plugin.classes", "target/classes")));
    }

    /**
     * Packs the classes into {@code <folder>/<id>-<version>.jar} with the plugin manifest.
     *
     * @throws IllegalStateException when the classes are missing or PF4J's extension index was not generated
     */
    public Path packInto(Path folder) throws IOException {
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("The plugin's classes " + classes.toAbsolutePath() + " do not exist: "
                    + "compile the module first (mvn test does).");
        }
        if (!Files.exists(classes.resolve("META-INF/extensions.idx"))) {
            throw new IllegalStateException("No META-INF/extensions.idx in " + classes.toAbsolutePath()
                    + ": PF4J's annotation processor did not run, so the host would find no extensions. Turn annotation "
                    + "processing on (maven.compiler.proc=full, as the Kehu plugins parent pom does).");
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        putIfPresent(main, "Plugin-Class", pluginClass);
        putIfPresent(main, "Plugin-Requires", requires);
        putIfPresent(main, "Plugin-Dependencies", dependencies);
        main.putValue("Plugin-Provider", "testkit");
        Files.createDirectories(folder);
        Path jar = folder.resolve(id + "-" + version + ".jar");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest)) {
            for (Path file : files) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    continue;
                }
                zip.putNextEntry(new JarEntry(name));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static void putIfPresent(Attributes attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.putValue(name, value.trim());
        }
    }
}
