package io.kehu.platform.imports.job;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.imports.ImportProblem;
import io.kehu.platform.imports.ImportReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every problem of a run, uncapped: appended to a file (one tab-separated line each), counted per column with the
 * first few examples kept in memory for the screen.
 */
public final class ProblemLog implements AutoCloseable {

    static final int EXAMPLES = 3;
    static final int FIRST = 200;

    private final Path file;
    private final BufferedWriter out;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, List<ImportProblem>> examples = new LinkedHashMap<>();
    private final List<ImportProblem> first = new ArrayList<>();
    private long total;

    public ProblemLog(Path file, boolean append) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void add(ImportProblem p) {
        total++;
        counts.merge(p.column(), 1L, Long::sum);
        List<ImportProblem> some = examples.computeIfAbsent(p.column(), k -> new ArrayList<>());
        if (some.size() < EXAMPLES) {
            some.add(p);
        }
        if (first.size() < FIRST) {
            first.add(p);
        }
        try {
            out.write(p.row() + "\t" + clean(p.column()) + "\t" + clean(p.value()) + "\t" + clean(p.reason().zh())
                    + "\t" + clean(p.reason().en()));
            out.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long total() {
        return total;
    }

    public Path file() {
        return file;
    }

    public List<ImportProblem> first() {
        return List.copyOf(first);
    }

    public Map<String, ImportReport.ColumnProblems> byColumn() {
        Map<String, ImportReport.ColumnProblems> result = new LinkedHashMap<>();
        counts.forEach((column, n) -> result.put(column, new ImportReport.ColumnProblems(n, examples.get(column))));
        return result;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the problems of a log file back, in order. */
    public static void read(Path file, Consumer<ImportProblem> each) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                String[] parts = line.split("\t", -1);
                if (parts.length == 5) {
                    each.accept(new ImportProblem(Long.parseLong(parts[0]), unclean(parts[1]), unclean(parts[2]),
                            LocalizedText.of(unclean(parts[3]), unclean(parts[4]))));
                }
            });
        }
    }

    static String clean(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    static String unclean(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
