package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.support.TestAccounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A plugins directory full of broken plugin files next to one good plugin: the platform starts, the good plugin runs,
 * and each broken one is FAILED with a reason an admin can act on.
 */
@SpringBootTest(properties = {
        "server.port=0",
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/broken-${random.uuid}",
        "kehu.forms.seed=false",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class BrokenPluginsTest {

    private static final String PKG = "io.kehu.plugins.broken";

    @Autowired
    PluginHost host;
    @Autowired
    PluginRoutes routes;
    @Autowired
    Records records;

    @DynamicPropertySource
    static void pluginsDirectory(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("broken-plugins");
            PluginJar.Sources.greeter("good", PKG + ".good").writeTo(dir, "good.jar");
            Files.write(dir.resolve("corrupt.jar"), "this is not a zip".getBytes());
            PluginJar.plugin(null).writeTo(dir, "no-id.jar");
            PluginJar.plugin("bad-version").version("banana").writeTo(dir, "bad-version.jar");
            PluginJar.plugin("too-new").requires(">=9.0.0").writeTo(dir, "too-new.jar");
            PluginJar.plugin("lonely").dependencies("ghost@>=1.0.0").writeTo(dir, "lonely.jar");
            PluginJar.plugin("start-fails").pluginClass(PKG + ".start.Boom")
                    .source(PKG + ".start.Boom", """
                            package %s.start;
                            public class Boom extends org.pf4j.Plugin {
                                public void start() { throw new IllegalStateException("database of the plugin is down"); }
                            }
                            """.formatted(PKG))
                    .writeTo(dir, "start-fails.jar");
            PluginJar.plugin("extension-fails")
                    .source(PKG + ".ext.Angry", """
                            package %s.ext;
                            @org.pf4j.Extension
                            public class Angry implements io.kehu.sdk.ui.DashboardWidget {
                                public Angry() { throw new IllegalStateException("widget configuration missing"); }
                                public io.kehu.sdk.LocalText title() { return null; }
                                public com.vaadin.flow.component.Component create(io.kehu.sdk.PluginContext c) { return null; }
                            }
                            """.formatted(PKG))
                    .writeTo(dir, "extension-fails.jar");
            PluginJar.plugin("missing-library")
                    .source(PKG + ".lib.Helper", "package %s.lib; public class Helper { }".formatted(PKG))
                    .source(PKG + ".lib.UsesHelper", """
                            package %s.lib;
                            @org.pf4j.Extension
                            public class UsesHelper implements io.kehu.sdk.scripts.ScriptFunctions {
                                private final Helper helper = new Helper();
                                public String name() { return "helper"; }
                                public Object functions() { return helper; }
                            }
                            """.formatted(PKG))
                    .without(PKG + ".lib.Helper")
                    .writeTo(dir, "missing-library.jar");
            PluginJar.plugin("bad-workflow")
                    .source(PKG + ".wf.Flows", """
                            package %s.wf;
                            @org.pf4j.Extension
                            public class Flows implements io.kehu.sdk.workflows.WorkflowDefinitionProvider {
                                public java.util.List<io.kehu.sdk.forms.DefinitionText> workflows() {
                                    return java.util.List.of(new io.kehu.sdk.forms.DefinitionText("flows/broken.json",
                                            "{\\"id\\": \\"broken\\", \\"form\\": \\"ghost_form\\"}"));
                                }
                            }
                            """.formatted(PKG))
                    .writeTo(dir, "bad-workflow.jar");
            PluginJar.Sources.greeter("good", PKG + ".twin").version("2.0.0").writeTo(dir, "good-twin.jar");
            registry.add("kehu.plugins.dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachBrokenPluginFailsWithItsReasonAndTheRestKeepsWorking() {
        Map<String, PluginInfo> plugins = host.plugins().stream()
                .collect(Collectors.toMap(PluginInfo::pluginId, Function.identity()));

        assertThat(plugins.get("good").status()).isEqualTo(PluginStatus.STARTED);
        assertThat(routes.view("apps/good/greeting")).isPresent();
        assertFailed(plugins, "corrupt.jar", "not a plugin");
        assertFailed(plugins, "no-id.jar", "Plugin-Id is missing");
        assertFailed(plugins, "bad-version", "'banana' is not a semantic version");
        assertFailed(plugins, "too-new", "does not include this platform's version 0.1.0");
        assertFailed(plugins, "lonely.jar", "needs the plugin 'ghost'");
        assertFailed(plugins, "start-fails", "database of the plugin is down");
        assertFailed(plugins, "extension-fails", "widget configuration missing");
        assertFailed(plugins, "missing-library", "Helper");
        assertFailed(plugins, "good-twin.jar", "Duplicate plugin id 'good'");
        // a plugin's workflow (SDK WorkflowDefinitionProvider) that does not read fails the plugin with its problems
        assertFailed(plugins, "bad-workflow", "A workflow does not read");

        // The host keeps serving: the write path works, and a broken file can be removed from the screen.
        assertThat(records).isNotNull();
        host.uninstall(PluginLifecycleTest.ADMIN, "corrupt.jar");
        assertThat(host.plugin("corrupt.jar")).isEmpty();
        assertThat(Files.exists(host.directory().resolve("corrupt.jar"))).isFalse();
        assertThat(Actor.system("check").isSystem()).isTrue();
    }

    private static void assertFailed(Map<String, PluginInfo> plugins, String id, String reason) {
        assertThat(plugins).as("plugins listed").containsKey(id);
        assertThat(plugins.get(id).status()).as(id).isEqualTo(PluginStatus.FAILED);
        assertThat(plugins.get(id).error()).as(id).contains(reason);
    }
}
