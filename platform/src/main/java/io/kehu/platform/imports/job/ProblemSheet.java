package io.kehu.platform.imports.job;

import io.kehu.platform.security.SpreadsheetText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The full problem list as an XLSX sheet (FastExcel writer, streamed: rows are flushed as they are written), with
 * cell texts neutralised against formula injection like every export.
 */
public final class ProblemSheet {

    private ProblemSheet() {
    }

    public static void write(Path problems, List<String> headings, Locale locale, OutputStream out)
            throws IOException {
        Workbook workbook = new Workbook(out, "Kehu", "1.0");
        Worksheet sheet = workbook.newWorksheet(headings.get(0));
        for (int c = 1; c < headings.size(); c++) {
            sheet.value(0, c - 1, headings.get(c));
        }
        int[] row = {1};
        IOException[] failed = new IOException[1];
        ProblemLog.read(problems, p -> {
            int r = row[0]++;
            sheet.value(r, 0, p.row());
            sheet.value(r, 1, SpreadsheetText.neutralise(p.column()));
            sheet.value(r, 2, SpreadsheetText.neutralise(p.value()));
            sheet.value(r, 3, SpreadsheetText.neutralise(p.reason().in(locale)));
            if (r % 1000 == 0) {
                try {
                    sheet.flush();
                } catch (IOException e) {
                    failed[0] = e;
                }
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        sheet.finish();
        workbook.finish();
    }
}
