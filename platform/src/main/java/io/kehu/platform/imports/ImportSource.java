package io.kehu.platform.imports;

import io.kehu.platform.imports.read.CsvFile;
import io.kehu.platform.imports.read.TableFile;
import io.kehu.platform.imports.read.Workbooks;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

/**
 * An uploaded file and how to read it: the encoding and delimiter of a CSV file (guessed, changeable), or the sheet
 * of a workbook (XLSX or the older XLS).
 *
 * @param file where the file is kept
 * @param fileName its name as uploaded
 * @param hash its SHA-256, hex: a job's rows are keyed by it and their row number
 * @param xlsx whether it is a workbook, XLSX or XLS (told apart by the file's first bytes when it is read)
 * @param encoding the CSV encoding ({@code null} for XLSX)
 * @param delimiter the CSV delimiter
 * @param sheets the workbook's sheets (empty for CSV)
 * @param sheet the chosen sheet ({@code null} for CSV)
 */
public record ImportSource(Path file, String fileName, String hash, boolean xlsx, Charset encoding, char delimiter,
                           List<String> sheets, String sheet) {

    public ImportSource {
        sheets = List.copyOf(sheets);
    }

    public ImportSource withEncoding(Charset newEncoding) {
        return new ImportSource(file, fileName, hash, xlsx, newEncoding, delimiter, sheets, sheet);
    }

    public ImportSource withDelimiter(char newDelimiter) {
        return new ImportSource(file, fileName, hash, xlsx, encoding, newDelimiter, sheets, sheet);
    }

    public ImportSource withSheet(String newSheet) {
        return new ImportSource(file, fileName, hash, xlsx, encoding, delimiter, sheets, newSheet);
    }

    /** What kind of file it is: {@code csv}, {@code xlsx} or {@code xls}. */
    public String kind() {
        if (!xlsx) {
            return "csv";
        }
        try {
            return Workbooks.isXls(file) ? "xls" : "xlsx";
        } catch (java.io.IOException e) {
            return "xlsx";
        }
    }

    /** The file as a table. */
    public TableFile table() {
        return xlsx ? Workbooks.sheet(file, sheet) : new CsvFile(file, encoding, delimiter);
    }
}
