package io.kehu.platform.plugins.sdk;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.kehu.platform.security.SpreadsheetText;
import io.kehu.sdk.export.ExportColumn;
import io.kehu.sdk.export.ExportTable;
import io.kehu.sdk.export.PluginExports;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@link PluginExports} with the list views' formats and libraries: CSV (Commons CSV, Excel dialect, UTF-8 with a
 * byte-order mark) and streamed XLSX (fastexcel); text cells go through {@link SpreadsheetText#neutralise}.
 */
public final class SdkExports implements PluginExports {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    @Override
    public <T> void write(ExportTable<T> table, Format format, OutputStream out) throws IOException {
        try {
            if (format == Format.CSV) {
                writeCsv(table, out);
            } else {
                writeXlsx(table, out);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public <T> Component downloadLink(Supplier<ExportTable<T>> table, Format format, String label) {
        return new Anchor((DownloadHandler) download -> {
            ExportTable<T> chosen = table.get();
            download.setFileName(fileName(chosen.name()) + "." + format.extension());
            download.setContentType(format.contentType());
            write(chosen, format, download.getOutputStream());
        }, label);
    }

    private <T> void writeCsv(ExportTable<T> table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(table.columns().stream().map(c -> SpreadsheetText.neutralise(c.header())).toList());
        List<String> cells = new ArrayList<>(table.columns().size());
        table.rows().accept(row -> {
            cells.clear();
            for (ExportColumn<T> column : table.columns()) {
                Object value = column.value().apply(row);
                cells.add(value == null ? "" : value instanceof Number n ? text(n)
                        : SpreadsheetText.neutralise(value.toString()));
            }
            try {
                csv.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    private <T> void writeXlsx(ExportTable<T> table, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Kehu", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName(table.name()));
        List<ExportColumn<T>> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, SpreadsheetText.neutralise(columns.get(c).header()));
            sheet.style(0, c).bold().set();
        }
        int[] line = {1};
        table.rows().accept(row -> {
            for (int c = 0; c < columns.size(); c++) {
                switch (columns.get(c).value().apply(row)) {
                    case null -> { }
                    case BigDecimal d -> sheet.value(line[0], c, d);
                    case Number n -> sheet.value(line[0], c, n);
                    case Object other -> sheet.value(line[0], c, SpreadsheetText.neutralise(other.toString()));
                }
            }
            line[0]++;
        });
        workbook.finish();
    }

    private static String text(Number n) {
        return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
    }

    private static String sheetName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        clean = clean.isEmpty() ? "Export" : clean;
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }

    private static String fileName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\s]+", "-").strip();
        return clean.isEmpty() ? "export" : clean;
    }
}
