package io.kehu.platform.plugins.install;

import io.kehu.platform.plugins.PluginRefusedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The checks an uploaded file passes before anything is written to the plugins directory: the right kind of file
 * (.jar or .zip), not too large, a readable archive whose entries stay inside the directory they are unpacked to, and
 * no zip bomb. Sizes are counted while actually inflating, never taken from the archive's headers, which a bomb can
 * fake.
 */
public final class PluginFileCheck {

    /**
     * The limits applied.
     *
     * @param maxFileSize bytes of the file itself
     * @param maxUncompressed bytes of all entries together, unpacked
     * @param maxRatio unpacked size / file size
     * @param maxEntries number of entries
     */
    record Limits(long maxFileSize, long maxUncompressed, int maxRatio, int maxEntries) {
    }

    private PluginFileCheck() {
    }

    /** Refuses names other than {@code *.jar} and {@code *.zip}. */
    static String extensionOf(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jar")) {
            return "jar";
        }
        if (name.endsWith(".zip")) {
            return "zip";
        }
        throw new PluginRefusedException("plugins.refused.extension", fileName);
    }

    /**
     * Compares the file with the SHA-256 its publisher announced, when the administrator gave one: a file changed on
     * the way (a tampered mirror, a wrong download) is refused before it is even opened. {@code expected} may be
     * written in upper or lower case, with spaces, or prefixed {@code sha256:}; blank means "not given".
     */
    static void verifySha256(Path file, String fileName, String expected) throws IOException {
        if (expected == null || expected.isBlank()) {
            return;
        }
        String wanted = expected.strip().toLowerCase(Locale.ROOT).replaceFirst("^sha-?256:", "").replaceAll("\\s", "");
        if (!wanted.matches("[0-9a-f]{64}")) {
            throw new PluginRefusedException("plugins.refused.sha256Format", expected.strip());
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(wanted)) {
            throw new PluginRefusedException("plugins.refused.sha256", fileName, wanted, actual);
        }
    }

    /** Checks the archive at {@code file}; {@code fileName} is the name the user uploaded, for messages. */
    static void check(Path file, String fileName, Limits limits) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileSize()) {
            throw new PluginRefusedException("plugins.refused.tooLarge", fileName, megabytes(limits.maxFileSize()));
        }
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new PluginRefusedException("plugins.refused.entries", fileName, limits.maxEntries());
                }
                if (escapes(entry.getName())) {
                    throw new PluginRefusedException("plugins.refused.traversal", fileName, entry.getName());
                }
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    unpacked += read;
                    if (unpacked > limits.maxUncompressed()
                            || unpacked > Math.max(size, 1) * (long) limits.maxRatio()) {
                        throw new PluginRefusedException("plugins.refused.bomb", fileName,
                                megabytes(limits.maxUncompressed()), limits.maxRatio());
                    }
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new PluginRefusedException("plugins.refused.corrupt", fileName, e.getMessage());
        }
        if (entries == 0) {
            throw new PluginRefusedException("plugins.refused.corrupt", fileName, "no entries");
        }
    }

    /** Whether an entry name would land outside the directory it is unpacked into. */
    public static boolean escapes(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }
}
