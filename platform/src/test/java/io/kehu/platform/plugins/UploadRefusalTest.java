package io.kehu.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kehu.platform.plugins.install.PluginFileCheck;
import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Uploads the host refuses before writing anything: wrong kind, oversized, escaping entries, zip bombs, not plugins. */
@KehuTest
class UploadRefusalTest {

    @Autowired
    PluginHost host;

    @Test
    void onlyJarAndZipFilesAreAccepted() {
        assertRefused("tool.exe", new byte[] {1, 2, 3}, "Only plugin files can be installed");
    }

    @Test
    void entriesEscapingThePluginDirectoryAreRefused() throws IOException {
        assertRefused("evil.zip", zip("../../etc/cron.d/evil", new byte[10]), "outside the plugin directory");
        assertRefused("evil.jar", zip("/absolute.txt", new byte[10]), "outside the plugin directory");
    }

    @Test
    void zipBombsAreRefusedWhileInflating() throws IOException {
        assertRefused("bomb.zip", zip("zeros.bin", new byte[60 * 1024 * 1024]), "zip bomb");
    }

    @Test
    void oversizedFilesAreRefusedWhileUploading() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        assertThatThrownBy(() -> host.install(PluginLifecycleTest.ADMIN, "huge.jar", endless))
                .isInstanceOf(PluginRefusedException.class).hasMessageContaining("larger than the limit of 50 MB");
        assertNothingWritten();
    }

    @Test
    void corruptArchivesAndArchivesWithoutADescriptorAreRefused() throws IOException {
        assertRefused("corrupt.jar", "PK\u0003\u0004garbage".getBytes(), "not");
        assertRefused("plain.jar", zip("readme.txt", "hello".getBytes()), "is not a plugin");
    }

    @Test
    void badDescriptorsAreRefusedAtUpload() throws IOException {
        assertRefused("v.jar", PluginJar.plugin("bad-version").version("banana").bytes(), "not a semantic version");
        assertRefused("r.jar", PluginJar.plugin("too-new").requires(">=9.0.0").bytes(), "does not include");
        assertRefused("r2.jar", PluginJar.plugin("odd").requires("at least two").bytes(), "not a version range");
        assertRefused("id.jar", PluginJar.plugin("Bad_Id").bytes(), "lower-case words");
    }

    @Test
    void fileChecksCountRealBytesNotHeaders() {
        assertThat(PluginFileCheck.escapes("a/../../b")).isTrue();
        assertThat(PluginFileCheck.escapes("C:\\windows\\x")).isTrue();
        assertThat(PluginFileCheck.escapes("classes/io/kehu/A.class")).isFalse();
        assertThat(PluginFileCheck.escapes("lib/..hidden")).isFalse();
    }

    private void assertRefused(String fileName, byte[] content, String reason) {
        assertThatThrownBy(() -> host.install(PluginLifecycleTest.ADMIN, fileName, new ByteArrayInputStream(content)))
                .isInstanceOf(PluginRefusedException.class).hasMessageContaining(reason);
        assertNothingWritten();
    }

    private void assertNothingWritten() {
        try (var files = Files.list(host.directory())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".incoming"))
                    .toList();
            assertThat(names).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (var incoming = Files.list(host.directory().resolve(".incoming"))) {
            assertThat(incoming).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(host.plugins()).isEmpty();
    }

    private static byte[] zip(String entry, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
