package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.plugins.install.InstalledPlugin;
import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An upgrade whose new version cannot be resolved or started is undone: the new file is gone, the previous version is
 * back and runs as before (route, settings, enabled flag), and the admin is told why. Real jars, real directory.
 */
@KehuTest
class FailedUpgradeTest {

    static final String ID = "upgrade-test";
    static final String PKG = "io.kehu.plugins.upgrade";

    @Autowired
    PluginHost host;
    @Autowired
    PluginRoutes routes;
    @Autowired
    PluginRegistry registry;
    @Autowired
    PluginStateStore store;

    @AfterEach
    void removePlugin() {
        if (host.plugin(ID).isPresent()) {
            host.uninstall(PluginLifecycleTest.ADMIN, ID);
        }
    }

    static PluginJar good(String version) {
        return PluginJar.Sources.greeter(ID, PKG + ".v" + version.replace('.', '_')).version(version);
    }

    static PluginJar startFails(String version) {
        String pkg = PKG + ".boom" + version.replace('.', '_');
        return good(version).pluginClass(pkg + ".Boom").source(pkg + ".Boom", """
                package %s;
                public class Boom extends org.pf4j.Plugin {
                    public void start() { throw new IllegalStateException("new schema not ready"); }
                }
                """.formatted(pkg));
    }

    private PluginInfo install(PluginJar jar, String fileName) throws IOException {
        return host.install(PluginLifecycleTest.ADMIN, fileName, new ByteArrayInputStream(jar.bytes()));
    }

    @Test
    void aNewVersionThatDoesNotStartIsUndoneAndThePreviousOneKeepsRunning() throws Exception {
        install(good("1.0.0"), "upgrade-1.0.0.jar");
        host.saveSettings(PluginLifecycleTest.ADMIN, ID, Map.of("greeting", "Kept"));
        InstalledPlugin before = store.find(ID).orElseThrow();

        assertThatThrownBy(() -> install(startFails("1.1.0"), "upgrade-1.1.0.jar"))
                .isInstanceOf(PluginRefusedException.class)
                .hasMessageContaining("upgrade of upgrade-test to 1.1.0 failed and was undone")
                .hasMessageContaining("new schema not ready")
                .hasMessageContaining("Version 1.0.0 is installed as before")
                .extracting(e -> ((PluginRefusedException) e).messageKey())
                .isEqualTo("plugins.refused.upgradeFailed");

        assertRunningAsBefore(before);
        assertThat(registry.get(ID).orElseThrow().context().settings().get("greeting")).contains("Kept");
        assertThat(store.auditActions(ID)).first().isEqualTo("upgrade-failed");
    }

    @Test
    void aNewVersionWithAMissingDependencyOrABrokenExtensionIsUndoneToo() throws Exception {
        install(good("1.0.0"), "upgrade-1.0.0.jar");
        InstalledPlugin before = store.find(ID).orElseThrow();

        assertThatThrownBy(() -> install(good("2.0.0").dependencies("ghost@>=1.0.0"), "upgrade-2.0.0.jar"))
                .isInstanceOf(PluginRefusedException.class).hasMessageContaining("ghost");
        assertRunningAsBefore(before);

        String pkg = PKG + ".angry";
        PluginJar brokenExtension = good("2.1.0").source(pkg + ".Angry", """
                package %s;
                @org.pf4j.Extension
                public class Angry implements io.kehu.sdk.ui.DashboardWidget {
                    public Angry() { throw new IllegalStateException("widget configuration missing"); }
                    public io.kehu.sdk.LocalText title() { return null; }
                    public com.vaadin.flow.component.Component create(io.kehu.sdk.PluginContext c) { return null; }
                }
                """.formatted(pkg));
        assertThatThrownBy(() -> install(brokenExtension, "upgrade-2.1.0.jar"))
                .isInstanceOf(PluginRefusedException.class).hasMessageContaining("widget configuration missing");
        assertRunningAsBefore(before);

        PluginInfo fixed = install(good("2.2.0"), "upgrade-2.2.0.jar");
        assertThat(fixed.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(fixed.version()).isEqualTo("2.2.0");
        assertThat(pluginFiles()).containsExactly(ID + "-2.2.0.jar");
    }

    @Test
    void aDisabledPluginWhoseUpgradeFailsStaysDisabledInItsPreviousVersion() throws Exception {
        install(good("1.0.0"), "upgrade-1.0.0.jar");
        host.disable(PluginLifecycleTest.ADMIN, ID);
        InstalledPlugin before = store.find(ID).orElseThrow();

        assertThatThrownBy(() -> install(startFails("1.1.0"), "upgrade-1.1.0.jar"))
                .isInstanceOf(PluginRefusedException.class);

        PluginInfo after = host.plugin(ID).orElseThrow();
        assertThat(after.version()).isEqualTo("1.0.0");
        assertThat(after.status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(store.find(ID).orElseThrow()).isEqualTo(before);
        assertThat(routes.view("apps/" + ID + "/greeting")).isEmpty();
        assertThat(pluginFiles()).containsExactly(ID + "-1.0.0.jar");
    }

    private void assertRunningAsBefore(InstalledPlugin before) throws IOException {
        PluginInfo after = host.plugin(ID).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(after.error()).isNull();
        assertThat(store.find(ID).orElseThrow()).as("the row as it was").isEqualTo(before);
        assertThat(routes.view("apps/" + ID + "/greeting")).as("its view is back").isPresent();
        assertThat(pluginFiles()).as("only the previous file, nothing half-installed")
                .containsExactly(before.fileName());
        assertThat(PluginHost.sha256(host.directory().resolve(before.fileName()))).isEqualTo(before.sha256());
    }

    /** Plugin files of the directory, and any leftovers of the upgrade in {@code .incoming}. */
    private List<String> pluginFiles() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(host.directory())) {
            return files.filter(Files::isRegularFile).map(p -> host.directory().relativize(p).toString())
                    .filter(n -> n.startsWith(ID) || n.startsWith(".incoming")).sorted().toList();
        }
    }
}
