package io.kehu.sdk.testkit.rules;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link PluginArchitecture} in every plugin's build: the Kehu plugins parent pom has Surefire scan the testkit
 * for this class ({@code dependenciesToScan}), so a plugin inherits the check without writing a test. It reads the
 * plugin's classes from {@code kehu.plugin.classes} and the packages of its own libraries from
 * {@code kehu.plugin.allowedPackages} (comma-separated; the {@code plugin.allowedPackages} property of the plugin's
 * pom).
 */
public class PluginArchitectureTest {

    @Test
    void thePluginUsesOnlyTheSdkAndItsOwnLibraries() {
        String classes = System.getProperty("kehu.plugin.classes", "").trim();
        if (classes.isEmpty()) {
            throw new AssertionError("The system property kehu.plugin.classes is not set: the Kehu plugins parent pom "
                    + "sets it to the plugin's target/classes. Without it there is nothing to check.");
        }
        PluginArchitecture.check(Path.of(classes),
                Arrays.asList(System.getProperty("kehu.plugin.allowedPackages", "").split(",")));
    }
}
