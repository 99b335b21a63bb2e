package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.support.KehuTest;
import io.kehu.sdk.settings.SettingField;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A plugin packaged as a zip with its own library in {@code lib/} (what the plugins parent pom builds): the host
 * installs it and the plugin's classes use the library, which the platform itself does not have.
 */
@KehuTest
class PluginZipTest {

    static final Actor ADMIN = new Actor(1L, "admin", Set.of(Role.ADMIN));
    static final String ID = "zip-with-library";
    static final String LIBRARY_CLASS = "org.example.shout.Shout";

    @Autowired
    PluginHost host;

    @AfterEach
    void removePlugin() {
        if (host.plugin(ID).isPresent()) {
            host.uninstall(ADMIN, ID);
        }
    }

    @Test
    void aZipPluginUsesTheLibraryItShipsInLib(@TempDir Path temp) throws IOException {
        assertThatThrownBy(() -> Class.forName(LIBRARY_CLASS)).isInstanceOf(ClassNotFoundException.class);
        Path library = PluginJar.libraryJar(temp.resolve("shout-1.0.jar"), Map.of(LIBRARY_CLASS, """
                package org.example.shout;
                public final class Shout {
                    public static String shout(String text) { return text.toUpperCase() + "!"; }
                }
                """));
        Path zip = PluginJar.plugin(ID).version("1.0.0").library(library)
                .source("io.kehu.plugins.zipped.LoudSettings", """
                        package io.kehu.plugins.zipped;
                        import io.kehu.sdk.LocalText;
                        import io.kehu.sdk.settings.*;
                        @org.pf4j.Extension
                        public class LoudSettings implements SettingsPage {
                            public java.util.List<SettingField> fields() {
                                String loud = org.example.shout.Shout.shout("hello");
                                return java.util.List.of(SettingField.text("greeting", LocalText.of(loud, loud), loud));
                            }
                        }
                        """)
                .writeZipTo(temp, ID + "-1.0.0.zip");

        try (InputStream in = Files.newInputStream(zip)) {
            PluginInfo info = host.install(ADMIN, zip.getFileName().toString(), in);
            assertThat(info.status()).as(String.valueOf(info.error())).isEqualTo(PluginStatus.STARTED);
        }
        assertThat(host.settingFields(ID)).extracting(SettingField::defaultValue).containsExactly("HELLO!");
        assertThat(host.settingValues(ID)).containsEntry("greeting", "HELLO!");
    }
}
