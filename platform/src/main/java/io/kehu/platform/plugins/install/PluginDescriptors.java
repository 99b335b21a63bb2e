package io.kehu.platform.plugins.install;

import io.kehu.platform.plugins.PluginRefusedException;

import io.kehu.sdk.SdkVersion;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.VersionManager;

/**
 * Reads and judges plugin descriptors (the jar manifest's {@code Plugin-*} entries or a zip's
 * {@code plugin.properties}). PF4J itself accepts any version text ({@code Plugin-Version: banana}); the host insists
 * on semantic versions, because upgrades compare them, and on a {@code Plugin-Requires} range the platform version
 * satisfies.
 */
public final class PluginDescriptors {

    /** Plugin ids become route segments, file names and database keys. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Semantic Versioning 2.0: major.minor.patch with optional pre-release and build parts. */
    static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
            + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
    static final VersionManager VERSIONS = new DefaultVersionManager();

    private PluginDescriptors() {
    }

    static PluginDescriptorFinder finder() {
        return new CompoundPluginDescriptorFinder()
                .add(new PropertiesPluginDescriptorFinder())
                .add(new ManifestPluginDescriptorFinder());
    }

    /** The descriptor of the plugin file at {@code file}, refused when it has none or an unusable one. */
    static PluginDescriptor read(Path file, String fileName) {
        PluginDescriptor descriptor;
        try {
            descriptor = finder().find(file);
        } catch (RuntimeException e) {
            throw new PluginRefusedException("plugins.refused.noDescriptor", fileName, e.getMessage());
        }
        problem(descriptor).ifPresent(reason -> {
            throw new PluginRefusedException("plugins.refused.descriptor", fileName, reason);
        });
        return descriptor;
    }

    /** Why the host will not run a plugin with this descriptor (English), or empty. */
    static Optional<String> problem(PluginDescriptor d) {
        String id = d.getPluginId();
        if (id == null || id.isBlank()) {
            return Optional.of("Plugin-Id is missing.");
        }
        if (!ID.matcher(id).matches() || id.length() > 64) {
            return Optional.of("Plugin-Id '" + id + "' is not lower-case words joined by '-' (at most 64 characters).");
        }
        String version = d.getVersion();
        if (version == null || !SEMVER.matcher(version).matches()) {
            return Optional.of("Plugin-Version '" + version + "' is not a semantic version such as 1.2.0.");
        }
        return requiresProblem(d.getRequires());
    }

    /** Why {@code requires} rules out this platform (English), or empty. */
    static Optional<String> requiresProblem(String requires) {
        if (requires == null || requires.isBlank() || requires.equals("*")) {
            return Optional.empty();
        }
        boolean fits;
        try {
            fits = VERSIONS.checkVersionConstraint(SdkVersion.CURRENT, requires);
        } catch (RuntimeException malformed) {
            return Optional.of("Plugin-Requires '" + requires + "' is not a version range such as >=0.1.0.");
        }
        return fits ? Optional.empty() : Optional.of("Plugin-Requires '" + requires
                + "' does not include this platform's version " + SdkVersion.CURRENT + ".");
    }

    /** Whether version {@code candidate} is newer than {@code installed}. */
    static boolean newer(String candidate, String installed) {
        return VERSIONS.compareVersions(candidate, installed) > 0;
    }
}
