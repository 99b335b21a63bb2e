package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.KehuApplication;
import io.kehu.platform.support.TestAccounts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Plugins shipped next to the application are installed at start-up, recorded as installed by "bundled", upgraded
 * when a newer one is shipped, and never downgraded, re-enabled after an admin disabled them or re-installed after an
 * admin removed them; a broken one never stops the start-up. Two real start-ups on one database and plugins folder.
 */
class BundledPluginsTest {

    private static final String PKG = "io.kehu.plugins.bundled";

    @TempDir
    Path data;
    @TempDir
    Path bundled;

    @Test
    void bundledPluginsAreInstalledAndUpgradedAtStartUpButAdminDecisionsStand() throws IOException {
        greeter("alpha", "1.0.0").writeTo(bundled, "alpha-1.0.0.jar");
        greeter("alpha", "0.9.0").writeTo(bundled, "alpha-0.9.0.jar");
        greeter("beta", "1.0.0").writeTo(bundled, "beta-1.0.0.jar");
        greeter("gamma", "1.0.0").writeTo(bundled, "gamma-1.0.0.jar");
        greeter("zeta", "1.0.0").writeTo(bundled, "zeta-1.0.0.jar");
        startFails("boom", "1.0.0").writeTo(bundled, "boom-1.0.0.jar");
        Files.writeString(bundled.resolve("corrupt.jar"), "not a zip");

        try (ConfigurableApplicationContext kehu = start()) {
            PluginHost host = kehu.getBean(PluginHost.class);
            Map<String, PluginInfo> plugins = byId(host);
            assertThat(plugins.get("alpha").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(plugins.get("alpha").version()).as("the newest bundled version").isEqualTo("1.0.0");
            assertThat(plugins.get("alpha").installedBy()).isEqualTo("bundled");
            assertThat(kehu.getBean(PluginRoutes.class).view("apps/alpha/greeting")).isPresent();
            assertThat(plugins.get("beta").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(plugins.get("boom").status()).isEqualTo(PluginStatus.FAILED);
            assertThat(plugins.get("boom").error()).contains("bundled start failure");
            assertThat(plugins.get("bundled/corrupt.jar").status()).isEqualTo(PluginStatus.FAILED);
            assertThat(plugins.get("bundled/corrupt.jar").error()).contains("not a plugin");

            host.disable(PluginLifecycleTest.ADMIN, "beta");
            host.uninstall(PluginLifecycleTest.ADMIN, "gamma");
            host.install(PluginLifecycleTest.ADMIN, "delta.jar",
                    new ByteArrayInputStream(greeter("delta", "2.0.0").bytes()));
        }

        greeter("alpha", "1.1.0").writeTo(bundled, "alpha-1.1.0.jar");
        greeter("beta", "1.1.0").writeTo(bundled, "beta-1.1.0.jar");
        greeter("delta", "1.0.0").writeTo(bundled, "delta-1.0.0.jar");
        startFails("zeta", "1.1.0").writeTo(bundled, "zeta-1.1.0.jar");

        try (ConfigurableApplicationContext kehu = start()) {
            Map<String, PluginInfo> plugins = byId(kehu.getBean(PluginHost.class));
            assertThat(plugins.get("alpha").version()).as("upgraded").isEqualTo("1.1.0");
            assertThat(plugins.get("alpha").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(plugins.get("beta").version()).isEqualTo("1.1.0");
            assertThat(plugins.get("beta").status()).as("the admin disabled it").isEqualTo(PluginStatus.DISABLED);
            assertThat(plugins).as("the admin removed it").doesNotContainKey("gamma");
            assertThat(plugins.get("delta").version()).as("never downgraded").isEqualTo("2.0.0");
            assertThat(plugins.get("delta").installedBy()).isEqualTo("admin");
            assertThat(plugins.get("zeta").version()).as("a broken upgrade is undone").isEqualTo("1.0.0");
            assertThat(plugins.get("zeta").status()).isEqualTo(PluginStatus.STARTED);
            assertThat(plugins.get("bundled/zeta-1.1.0.jar").error()).contains("bundled start failure");
            assertThat(kehu.getBean(PluginRoutes.class).view("apps/zeta/greeting")).isPresent();
            try (Stream<Path> files = Files.list(kehu.getBean(PluginHost.class).directory())) {
                assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted())
                        .containsExactly("alpha-1.1.0.jar", "beta-1.1.0.jar", "boom-1.0.0.jar", "delta-2.0.0.jar",
                                "zeta-1.0.0.jar");
            }
        }
    }

    private ConfigurableApplicationContext start() {
        // Arguments, not builder properties: those are defaults, which application.properties overrides.
        return new SpringApplicationBuilder(KehuApplication.class).run(
                "--server.port=0",
                "--kehu.db.url=",
                "--kehu.db.data-dir=" + data,
                "--kehu.forms.seed=false",
                "--kehu.plugins.bundled-dir=" + bundled,
                "--kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
                "--kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD);
    }

    private static Map<String, PluginInfo> byId(PluginHost host) {
        return host.plugins().stream().collect(Collectors.toMap(PluginInfo::pluginId, Function.identity()));
    }

    private static PluginJar greeter(String id, String version) {
        return PluginJar.Sources.greeter(id, PKG + "." + id + ".v" + version.replace('.', '_')).version(version);
    }

    private static PluginJar startFails(String id, String version) {
        String pkg = PKG + "." + id + ".boom" + version.replace('.', '_');
        return greeter(id, version).pluginClass(pkg + ".Boom").source(pkg + ".Boom", """
                package %s;
                public class Boom extends org.pf4j.Plugin {
                    public void start() { throw new IllegalStateException("bundled start failure"); }
                }
                """.formatted(pkg));
    }
}
