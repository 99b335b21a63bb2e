package io.kehu.platform.imports.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV file in a given encoding and delimiter, parsed by Apache Commons CSV one record at a time. */
public final class CsvFile implements TableFile {

    private final Path file;
    private final Charset encoding;
    private final char delimiter;

    public CsvFile(Path file, Charset encoding, char delimiter) {
        this.file = file;
        this.encoding = encoding;
        this.delimiter = delimiter;
    }

    /** The file with its guessed encoding and sniffed delimiter. */
    public static CsvFile guessed(Path file) throws IOException {
        Charset encoding = Encodings.guess(file);
        return new CsvFile(file, encoding, sniffDelimiter(file, encoding));
    }

    public static char sniffDelimiter(Path file, Charset encoding) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader(file, encoding))) {
            String line;
            while (lines.size() < 20 && (line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        return Delimiters.sniff(lines);
    }

    public Charset encoding() {
        return encoding;
    }

    public char delimiter() {
        return delimiter;
    }

    @Override
    public List<String> headers() throws IOException {
        try (CSVParser parser = parser()) {
            var it = parser.iterator();
            return it.hasNext() ? cells(it.next()) : List.of();
        }
    }

    @Override
    public void forEachRow(long fromRow, Consumer<FileRow> each) throws IOException {
        try (CSVParser parser = parser()) {
            long number = 0;
            for (CSVRecord record : parser) {
                number++;
                if (number == 1 || number < fromRow) {
                    continue;
                }
                FileRow row = new FileRow(number, cells(record));
                if (!row.isBlank()) {
                    each.accept(row);
                }
            }
        }
    }

    private CSVParser parser() throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(false).get();
        return CSVParser.builder().setReader(reader(file, encoding)).setFormat(format).get();
    }

    /** A reader that drops a UTF-8 BOM (Excel writes one), which would otherwise stick to the first header. */
    private static Reader reader(Path file, Charset encoding) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (encoding.equals(StandardCharsets.UTF_8)) {
            in = new java.io.BufferedInputStream(in);
            in.mark(3);
            if (!Encodings.hasBom(in.readNBytes(3))) {
                in.reset();
            }
        }
        return new InputStreamReader(in, encoding.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE));
    }

    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        record.forEach(cells::add);
        return cells;
    }
}
