package io.kehu.platform.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars for tests: compiles Java sources against the SDK with the JDK compiler (PF4J's annotation
 * processor writes {@code extensions.idx}, as in a plugin build) and packs them with the {@code Plugin-*} manifest.
 * Each broken variant of the tests is one call away.
 */
public final class PluginJar {

    private final String id;
    private String version = "1.0.0";
    private String requires = ">=0.1.0";
    private String dependencies = "";
    private String pluginClass = "";
    private String description = "";
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> resources = new LinkedHashMap<>();
    private final List<String> dropClasses = new ArrayList<>();
    private final List<Path> libraries = new ArrayList<>();

    private PluginJar(String id) {
        this.id = id;
    }

    public static PluginJar plugin(String id) {
        return new PluginJar(id);
    }

    public PluginJar version(String v) {
        version = v;
        return this;
    }

    public PluginJar requires(String r) {
        requires = r;
        return this;
    }

    public PluginJar dependencies(String d) {
        dependencies = d;
        return this;
    }

    public PluginJar pluginClass(String c) {
        pluginClass = c;
        return this;
    }

    public PluginJar description(String d) {
        description = d;
        return this;
    }

    /** Adds a class: {@code qualifiedName} and its full source. */
    public PluginJar source(String qualifiedName, String code) {
        sources.put(qualifiedName, code);
        return this;
    }

    public PluginJar resource(String path, String text) {
        resources.put(path, text);
        return this;
    }

    /** Compiles the class but leaves it out of the jar: a "missing library class" at run time. */
    public PluginJar without(String qualifiedName) {
        dropClasses.add(qualifiedName.replace('.', '/') + ".class");
        return this;
    }

    /** A library jar the plugin is compiled against and, in {@link #writeZipTo}, ships in {@code lib/}. */
    public PluginJar library(Path jar) {
        libraries.add(jar);
        return this;
    }

    /**
     * Writes the zip packaging the plugins parent pom builds: {@code plugin.properties}, {@code classes/} and
     * {@code lib/} with the {@link #library libraries}.
     */
    public Path writeZipTo(Path dir, String fileName) throws IOException {
        Path classes = Files.createTempDirectory("plugin-classes");
        if (!sources.isEmpty()) {
            compile(classes);
        }
        String properties = "plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=" + requires
                + "\nplugin.dependencies=" + dependencies + "\nplugin.class=" + pluginClass
                + "\nplugin.description=" + description + "\nplugin.provider=Kehu tests\n";
        Path zipFile = dir.resolve(fileName);
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(zipFile);
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            put(zip, "plugin.properties", properties.getBytes(StandardCharsets.UTF_8));
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                put(zip, "classes/" + classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            for (var resource : resources.entrySet()) {
                put(zip, "classes/" + resource.getKey(), resource.getValue().getBytes(StandardCharsets.UTF_8));
            }
            for (Path library : libraries) {
                put(zip, "lib/" + library.getFileName(), Files.readAllBytes(library));
            }
        }
        return zipFile;
    }

    /** Compiles {@code sources} (qualified name → source) into a plain library jar at {@code jar}. */
    public static Path libraryJar(Path jar, Map<String, String> sources) throws IOException {
        PluginJar library = new PluginJar(null);
        sources.forEach(library::source);
        Path classes = Files.createTempDirectory("library-classes");
        library.compile(classes);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                put(zip, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return jar;
    }

    private static void put(java.util.zip.ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Writes {@code dir/fileName}. */
    public Path writeTo(Path dir, String fileName) throws IOException {
        Path classes = Files.createTempDirectory("plugin-classes");
        if (!sources.isEmpty()) {
            compile(classes);
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (id != null) {
            main.putValue("Plugin-Id", id);
        }
        main.putValue("Plugin-Version", version);
        main.putValue("Plugin-Requires", requires);
        main.putValue("Plugin-Dependencies", dependencies);
        main.putValue("Plugin-Class", pluginClass);
        main.putValue("Plugin-Description", description);
        main.putValue("Plugin-Provider", "Kehu tests");
        Path jar = dir.resolve(fileName);
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                if (!dropClasses.contains(name)) {
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
            for (var resource : resources.entrySet()) {
                zip.putNextEntry(new ZipEntry(resource.getKey()));
                zip.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }

    public byte[] bytes() throws IOException {
        Path dir = Files.createTempDirectory("plugin-jar");
        return Files.readAllBytes(writeTo(dir, "plugin.jar"));
    }

    private void compile(Path classes) throws IOException {
        Path src = Files.createTempDirectory("plugin-src");
        List<String> files = new ArrayList<>();
        for (var source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:full", "--release", "21",
                "-classpath", classpath() + libraries.stream().map(l -> java.io.File.pathSeparator + l)
                        .reduce("", String::concat), "-processorpath", classpath(), "-nowarn", "-Xlint:none"));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int result = javac.run(null, null, System.err, args.toArray(String[]::new));
        if (result != 0) {
            throw new IllegalStateException("The test plugin did not compile");
        }
    }

    /** The SDK and what it is compiled with (PF4J, SLF4J, Vaadin Flow), as a plugin's provided scope. */
    private static String classpath() {
        return Stream.of(io.kehu.sdk.PluginContext.class, org.pf4j.ExtensionPoint.class, org.slf4j.Logger.class,
                        com.vaadin.flow.component.Component.class, com.vaadin.flow.component.html.Span.class)
                .map(PluginJar::location).distinct().reduce((a, b) -> a + java.io.File.pathSeparator + b)
                .orElseThrow();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test plugins' common sources. */
    public static final class Sources {

        private Sources() {
        }

        /** A view at {@code apps/<id>/greeting} with a navigation link, and a listener vetoing "rude" messages. */
        public static PluginJar greeter(String id, String pkg) {
            return plugin(id).description("Greeter " + id)
                    .source(pkg + ".Page", """
                            package %s;
                            import com.vaadin.flow.component.Component;
                            import com.vaadin.flow.component.html.Span;
                            import io.kehu.sdk.*;
                            import io.kehu.sdk.ui.*;
                            @org.pf4j.Extension
                            public class Page implements ViewContribution {
                                public String path() { return "greeting"; }
                                public LocalText title() { return LocalText.of("问候", "Greeting"); }
                                public Component create(PluginContext c) {
                                    Span s = new Span(c.settings().get("greeting", "none") + " / " + c.messages().get("hello"));
                                    s.setId("test-plugin-greeting");
                                    return s;
                                }
                            }
                            """.formatted(pkg))
                    .source(pkg + ".Links", """
                            package %s;
                            import io.kehu.sdk.*;
                            import io.kehu.sdk.ui.*;
                            @org.pf4j.Extension
                            public class Links implements NavigationContribution {
                                private final PluginContext c;
                                public Links(PluginContext c) { this.c = c; }
                                public java.util.List<NavItem> items() {
                                    return java.util.List.of(new NavItem("greeting", c.messages().text("nav"), "smiley-o", 5));
                                }
                            }
                            """.formatted(pkg))
                    .source(pkg + ".Settings", """
                            package %s;
                            import io.kehu.sdk.*;
                            import io.kehu.sdk.settings.*;
                            @org.pf4j.Extension
                            public class Settings implements SettingsPage {
                                public java.util.List<SettingField> fields() {
                                    return java.util.List.of(SettingField.text("greeting", LocalText.of("问候语", "Greeting"), "Hi"));
                                }
                            }
                            """.formatted(pkg))
                    .resource("plugin-messages_en.properties", "hello=Hello\nnav=Greeter " + id + "\n")
                    .resource("plugin-messages_zh_CN.properties", "hello=你好\nnav=问候 " + id + "\n");
        }
    }
}
