package io.kehu.platform.imports.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * One sheet of an XLSX workbook, streamed by the FastExcel reader (StAX, one row at a time). Cells come as the text a
 * user would type: numbers without a trailing {@code .0}, cells formatted as dates as ISO dates (Excel stores them as
 * serial day numbers), booleans as {@code true}/{@code false}.
 */
public final class XlsxFile implements TableFile {

    private final Path file;
    private final String sheet;

    /** @param sheet the sheet's name; {@code null} for the first */
    public XlsxFile(Path file, String sheet) {
        this.file = file;
        this.sheet = sheet;
    }

    /** The names of the workbook's sheets, in order. */
    public static List<String> sheetNames(Path file) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            return workbook.getSheets().map(Sheet::getName).toList();
        }
    }

    /** Whether {@code start} (the file's first bytes) is a zip, as every XLSX is. */
    public static boolean looksLikeXlsx(byte[] start) {
        return ReadableWorkbook.isOOXMLZipHeader(start);
    }

    @Override
    public List<String> headers() throws IOException {
        try (ReadableWorkbook workbook = open(); Stream<Row> rows = sheet(workbook).openStream()) {
            Iterator<Row> it = rows.iterator();
            return it.hasNext() ? cells(it.next()) : List.of();
        }
    }

    @Override
    public void forEachRow(long fromRow, Consumer<FileRow> each) throws IOException {
        try (ReadableWorkbook workbook = open(); Stream<Row> rows = sheet(workbook).openStream()) {
            boolean header = true;
            for (Iterator<Row> it = rows.iterator(); it.hasNext(); ) {
                Row row = it.next();
                if (header) {
                    header = false;
                    continue;
                }
                if (row.getRowNum() < fromRow) {
                    continue;
                }
                FileRow fileRow = new FileRow(row.getRowNum(), cells(row));
                if (!fileRow.isBlank()) {
                    each.accept(fileRow);
                }
            }
        }
    }

    private ReadableWorkbook open() throws IOException {
        return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    }

    private Sheet sheet(ReadableWorkbook workbook) throws IOException {
        if (sheet == null) {
            return workbook.getFirstSheet();
        }
        return workbook.findSheet(sheet).orElseThrow(() -> new UnreadableFileException("imports.read.noSheet", null, sheet));
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> isDateFormat(cell.getDataFormatString()) ? date(cell.asDate()) : number(cell.asNumber());
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case EMPTY -> "";
            default -> cell.getText() == null ? "" : cell.getText();
        };
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String date(LocalDateTime value) {
        if (value == null) {
            return "";
        }
        return value.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? value.toLocalDate().toString()
                : value.toString().replace('T', ' ');
    }

    /** A number format showing a date: one with y, d or m outside quotes and brackets (elapsed [h]:mm excluded). */
    static boolean isDateFormat(String format) {
        if (format == null || format.isBlank() || "General".equalsIgnoreCase(format)) {
            return false;
        }
        String plain = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\[[^]]*]", "").replaceAll("\\\\.", "");
        return plain.matches("(?i).*[yd].*") || plain.matches("(?i).*m.*") && !plain.matches("(?i)[hms:.0# ]*");
    }
}
