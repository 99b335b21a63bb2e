package io.kehu.platform.views;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the rows of a list view to CSV or XLSX: the same query (filters, search, sort) as the screen, the columns the
 * user sees and may read, values as the screen shows them. Pages through the store by keyset, so an export of many
 * rows neither loads them all into memory nor gets slower page by page.
 *
 * <p>Spreadsheet programs run text that starts with {@code = + - @}, a tab or a carriage return as a formula, so such
 * text is prefixed with an apostrophe ({@link #neutralise}): a customer named {@code =HYPERLINK(...)} cannot attack
 * whoever opens the export. Numbers are written by the platform itself and left as they are.
 */
final class RecordExport {

    /** The most rows one export writes; a bigger one asks for a filter (or an import/export job). */
    static final int MAX_ROWS = 100_000;
    private static final int PAGE = RecordQuery.MAX_LIMIT;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final Records records;
    private final Actor actor;
    private final FormDefinition form;
    private final List<FieldDefinition> columns;
    private final ValueFormatter formatter;

    RecordExport(Records records, Actor actor, FormDefinition form, List<FieldDefinition> columns,
                 ValueFormatter formatter) {
        this.records = records;
        this.actor = actor;
        this.form = form;
        this.columns = columns.stream().filter(f -> FormAccess.mayRead(f, actor)).toList();
        this.formatter = formatter;
    }

    /** CSV in UTF-8 with a byte-order mark, so that Excel shows Chinese text correctly. */
    void writeCsv(RecordQuery query, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write(BYTE_ORDER_MARK);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        csv.printRecord(columns.stream().map(this::header).toList());
        forEachRow(query, row -> csv.printRecord(columns.stream().map(f -> text(f, row)).toList()));
        csv.flush();
    }

    void writeXlsx(RecordQuery query, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Kehu", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName());
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(0, c, header(columns.get(c)));
            sheet.style(0, c).bold().set();
        }
        int[] line = {1};
        forEachRow(query, row -> {
            for (int c = 0; c < columns.size(); c++) {
                FieldDefinition f = columns.get(c);
                Object value = row.get(f.id());
                switch (value) {
                    case Long l when isNumber(f) -> sheet.value(line[0], c, l);
                    case Integer i when isNumber(f) -> sheet.value(line[0], c, i);
                    case BigDecimal d -> sheet.value(line[0], c, d);
                    case Money m -> sheet.value(line[0], c, m.amount());
                    case null -> { }
                    default -> sheet.value(line[0], c, text(f, row));
                }
            }
            line[0]++;
        });
        workbook.finish();
    }

    /** {@code text} safe to open in a spreadsheet: formula-starting text gets an apostrophe in front. */
    static String neutralise(String text) {
        return SpreadsheetText.neutralise(text);
    }

    private String text(FieldDefinition field, Record row) {
        Object value = row.get(field.id());
        String shown = formatter.format(field, value);
        return isNumber(field) && !(value instanceof String) ? shown : neutralise(shown);
    }

    private static boolean isNumber(FieldDefinition field) {
        return switch (field.storedType()) {
            case INTEGER, DECIMAL, PERCENT, MONEY, RATING -> true;
            default -> false;
        };
    }

    private String header(FieldDefinition field) {
        String label = field.label().in(formatter.locale());
        return neutralise(label.isBlank() ? field.id() : label);
    }

    private String sheetName() {
        String name = form.label().in(formatter.locale()).replaceAll("[\\\\/?*\\[\\]:]", " ").strip();
        name = name.isEmpty() ? form.id() : name;
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    /** Calls {@code action} for each matching row, page by page (keyset), at most {@link #MAX_ROWS}. */
    private void forEachRow(RecordQuery query, RowAction action) throws IOException {
        RecordQuery page = query.page(0, PAGE);
        int written = 0;
        while (written < MAX_ROWS) {
            List<Record> rows = records.query(actor, page);
            formatter.references().prefetch(form, rows);
            for (Record row : rows) {
                if (written++ >= MAX_ROWS) {
                    return;
                }
                action.accept(row);
            }
            if (rows.size() < PAGE) {
                return;
            }
            page = page.after(rows.getLast());
        }
    }

    @FunctionalInterface
    private interface RowAction {
        void accept(Record row) throws IOException;
    }
}
