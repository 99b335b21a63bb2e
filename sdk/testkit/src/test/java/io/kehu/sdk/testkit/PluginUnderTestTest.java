package io.kehu.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginUnderTestTest {

    @TempDir
    Path temp;

    @Test
    void packsTheClassesWithThePluginManifest() throws IOException {
        Path classes = temp.resolve("classes");
        Files.createDirectories(classes.resolve("META-INF"));
        Files.createDirectories(classes.resolve("io/example"));
        Files.writeString(classes.resolve("META-INF/extensions.idx"), "io.example.Greeter\n");
        Files.writeString(classes.resolve("META-INF/MANIFEST.MF"), "Manifest-Version: 1.0\nStale: yes\n");
        Files.write(classes.resolve("io/example/Greeter.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        Files.writeString(classes.resolve("plugin-messages_zh_CN.properties"), "greeting=\\u4f60\\u597d\n");
        PluginUnderTest plugin = new PluginUnderTest("greeter", "io.example.GreeterPlugin", "1.2.0", ">=0.1.0", "",
                classes);

        Path jar = plugin.packInto(temp.resolve("plugins"));

        assertThat(jar.getFileName().toString()).isEqualTo("greeter-1.2.0.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            var attributes = file.getManifest().getMainAttributes();
            assertThat(attributes.getValue("Plugin-Id")).isEqualTo("greeter");
            assertThat(attributes.getValue("Plugin-Version")).isEqualTo("1.2.0");
            assertThat(attributes.getValue("Plugin-Class")).isEqualTo("io.example.GreeterPlugin");
            assertThat(attributes.getValue("Plugin-Requires")).isEqualTo(">=0.1.0");
            assertThat(attributes.getValue("Plugin-Dependencies")).isNull();
            assertThat(attributes.getValue("Stale")).isNull();
            List<String> names = new ArrayList<>(Collections.list(file.entries()).stream().map(e -> e.getName()).toList());
            assertThat(names).contains("META-INF/extensions.idx", "io/example/Greeter.class",
                    "plugin-messages_zh_CN.properties");
        }
    }

    @Test
    void saysWhatIsMissingWhenTheExtensionIndexWasNotGenerated() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes"));
        PluginUnderTest plugin = new PluginUnderTest("greeter", "", "1.0.0", "", "", classes);

        assertThatThrownBy(() -> plugin.packInto(temp.resolve("plugins")))
                .hasMessageContaining("extensions.idx").hasMessageContaining("annotation processing");
    }

    @Test
    void saysWhatIsMissingWhenTheClassesWereNotCompiled() {
        PluginUnderTest plugin = new PluginUnderTest("greeter", "", "1.0.0", "", "", temp.resolve("nothing"));

        assertThatThrownBy(() -> plugin.packInto(temp.resolve("plugins"))).hasMessageContaining("do not exist");
    }

    @Test
    void explainsWhereThePluginIdComesFrom() {
        String before = System.getProperty("kehu.plugin.id");
        System.clearProperty("kehu.plugin.id");
        try {
            assertThatThrownBy(PluginUnderTest::fromBuild).hasMessageContaining("kehu.plugin.id")
                    .hasMessageContaining("systemPropertyVariables");
        } finally {
            if (before != null) {
                System.setProperty("kehu.plugin.id", before);
            }
        }
    }
}
