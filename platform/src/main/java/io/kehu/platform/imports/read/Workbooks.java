package io.kehu.platform.imports.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Spreadsheet workbooks, told apart by their first bytes rather than their name: an XLSX workbook is a zip
 * ({@link XlsxFile}, FastExcel), an old {@code .xls} workbook an OLE2 compound file ({@link XlsFile}, POI HSSF).
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** Whether {@code start} (the file's first eight bytes) begins a workbook of either kind. */
    public static boolean isWorkbook(byte[] start) {
        return XlsxFile.looksLikeXlsx(start) || XlsFile.looksLikeXls(start);
    }

    /** Whether the file is an old {@code .xls} workbook. */
    public static boolean isXls(Path file) throws IOException {
        return XlsFile.looksLikeXls(start(file));
    }

    /** The names of the workbook's sheets, in order. */
    public static List<String> sheetNames(Path file) throws IOException {
        return isXls(file) ? XlsFile.sheetNames(file) : XlsxFile.sheetNames(file);
    }

    /** Sheet {@code sheet} ({@code null}: the first) of the workbook, read by the reader its kind needs. */
    public static TableFile sheet(Path file, String sheet) {
        return new TableFile() {
            @Override
            public List<String> headers() throws IOException {
                return reader().headers();
            }

            @Override
            public void forEachRow(long fromRow, Consumer<FileRow> each) throws IOException {
                reader().forEachRow(fromRow, each);
            }

            private TableFile reader() throws IOException {
                return isXls(file) ? new XlsFile(file, sheet) : new XlsxFile(file, sheet);
            }
        };
    }

    private static byte[] start(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        }
    }
}
