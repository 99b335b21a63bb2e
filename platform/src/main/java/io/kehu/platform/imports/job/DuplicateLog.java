package io.kehu.platform.imports.job;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.imports.ImportDuplicate;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of a dry run that looks like a duplicate, uncapped, appended to a file (one tab-separated line each) so
 * that the review can page through all of them however many there are, with nothing but the page in memory.
 */
public final class DuplicateLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter out;

    public DuplicateLog(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    public void add(ImportDuplicate d) {
        try {
            out.write(d.row() + "\t" + ProblemLog.clean(d.column()) + "\t" + ProblemLog.clean(d.value()) + "\t"
                    + ProblemLog.clean(d.reason().zh()) + "\t" + ProblemLog.clean(d.reason().en()) + "\t"
                    + (d.recordId() == null ? "" : d.recordId()));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows {@code offset} (from 0) to {@code offset + limit - 1} of a log file. */
    public static List<ImportDuplicate> page(Path file, long offset, int limit) throws IOException {
        List<ImportDuplicate> out = new ArrayList<>(Math.max(0, Math.min(limit, 1000)));
        if (!Files.exists(file) || limit <= 0) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (long skipped = 0; skipped < offset; skipped++) {
                if (in.readLine() == null) {
                    return out;
                }
            }
            String line;
            while (out.size() < limit && (line = in.readLine()) != null) {
                String[] p = line.split("\t", -1);
                if (p.length == 6) {
                    out.add(new ImportDuplicate(Long.parseLong(p[0]), ProblemLog.unclean(p[1]),
                            ProblemLog.unclean(p[2]), LocalizedText.of(ProblemLog.unclean(p[3]),
                            ProblemLog.unclean(p[4])), p[5].isEmpty() ? null : Long.valueOf(p[5])));
                }
            }
        }
        return out;
    }
}
