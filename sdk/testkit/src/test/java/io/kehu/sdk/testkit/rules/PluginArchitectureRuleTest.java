package io.kehu.sdk.testkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.plugins.fixture.bad.PlatformReachingExtension;
import io.kehu.plugins.fixture.good.SdkOnlyExtension;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule each plugin's build inherits fails where it should: it is proven here on compiled fixtures. */
class PluginArchitectureRuleTest {

    @Test
    void aPluginClassReachingIntoThePlatformFails() throws Exception {
        assertThatThrownBy(() -> PluginArchitecture.check(folderOf(PlatformReachingExtension.class), List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("io.kehu.platform.plugins.PluginHost")
                .hasMessageContaining("PlatformReachingExtension");
    }

    @Test
    void aPluginUsingOnlyTheSdkPasses() throws Exception {
        PluginArchitecture.check(folderOf(SdkOnlyExtension.class), List.of());
    }

    @Test
    void anEmptyClassSetIsAFailureNotAPass(@TempDir Path empty) {
        assertThatThrownBy(() -> PluginArchitecture.check(empty, List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No classes");
        assertThatThrownBy(() -> PluginArchitecture.check(empty.resolve("missing"), List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("do not exist");
    }

    @Test
    void aLibraryIsAllowedOnlyWhenDeclared() throws Exception {
        Path bad = folderOf(PlatformReachingExtension.class);
        assertThat(PluginArchitecture.evaluate(bad, List.of("io.kehu.platform.plugins")).hasViolation()).isFalse();
    }

    /** The compiled fixture's own package folder, so that each fixture is checked alone. */
    private static Path folderOf(Class<?> fixture) throws URISyntaxException {
        Path root = Path.of(fixture.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path folder = root.resolve(fixture.getPackageName().replace('.', '/'));
        assertThat(Files.isDirectory(folder)).isTrue();
        return folder;
    }
}
