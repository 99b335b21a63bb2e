package io.kehu.platform.plugins.install;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Plugin host settings, bound from {@code kehu.plugins.*}.
 *
 * @param dir the plugins directory ({@code KEHU_PLUGINS_DIR}); blank means {@code <data-dir>/plugins}
 * @param maxUploadSize the largest plugin file accepted
 * @param maxUncompressedSize the most an uploaded archive may unpack to, all entries together (zip bombs)
 * @param maxCompressionRatio the highest uncompressed/compressed ratio of an archive (zip bombs)
 * @param maxEntries the most entries an archive may hold
 * @param bundledDir where the plugins shipped with Kehu are ({@code KEHU_BUNDLED_PLUGINS_DIR}); blank means the
 *                   {@code plugins} folder next to the application jar, {@code none} means no bundled plugins
 */
@ConfigurationProperties(prefix = "kehu.plugins")
public record PluginProperties(String dir, DataSize maxUploadSize, DataSize maxUncompressedSize,
                               Integer maxCompressionRatio, Integer maxEntries, String bundledDir) {

    public PluginProperties {
        dir = dir == null ? "" : dir.trim();
        maxUploadSize = maxUploadSize == null ? DataSize.ofMegabytes(50) : maxUploadSize;
        maxUncompressedSize = maxUncompressedSize == null ? DataSize.ofMegabytes(200) : maxUncompressedSize;
        maxCompressionRatio = maxCompressionRatio == null ? 100 : maxCompressionRatio;
        maxEntries = maxEntries == null ? 10_000 : maxEntries;
        bundledDir = bundledDir == null ? "" : bundledDir.trim();
    }

    /** The plugins directory: the configured one, or {@code plugins} inside the data directory. */
    public Path directory(Path dataDir) {
        return (dir.isBlank() ? dataDir.resolve("plugins") : Path.of(dir)).toAbsolutePath().normalize();
    }

    /**
     * The folder of bundled plugins: the configured one, else {@code plugins} in the folder of the application jar
     * ({@code platform/target/plugins} after {@code mvn package}); empty when switched off with {@code none}.
     */
    java.util.Optional<Path> bundledDirectory(Path applicationHome) {
        if (bundledDir.equalsIgnoreCase("none")) {
            return java.util.Optional.empty();
        }
        Path dir = bundledDir.isBlank() ? applicationHome.resolve("plugins") : Path.of(bundledDir);
        return java.util.Optional.of(dir.toAbsolutePath().normalize());
    }

    PluginFileCheck.Limits limits() {
        return new PluginFileCheck.Limits(maxUploadSize.toBytes(), maxUncompressedSize.toBytes(),
                maxCompressionRatio, maxEntries);
    }
}
