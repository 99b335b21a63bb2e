package io.kehu.platform.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** CSV and XLSX exports of a filtered list: same rows, readable columns only, formula cells neutralised. */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=screens")
class ExportTest {

    @Autowired
    UserAccounts accounts;
    @Autowired
    Records records;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;

    @Test
    void csvAndXlsxHoldTheFilteredRowsWithFormulaTextNeutralised() throws Exception {
        ScreensFixture.publishForms(catalog, publisher);
        Actor staff = ScreensFixture.actor(accounts, "staff");
        String token = ScreensFixture.token();
        ScreensFixture.customer(records, staff, "=HYPERLINK(\"http://x\") " + token, "east_china");
        ScreensFixture.customer(records, staff, "Plain " + token, "south_china");
        FormDefinition customer = catalog.published("customer").orElseThrow();
        ValueFormatter formatter = new ValueFormatter(Locale.ENGLISH, ZoneId.of("Asia/Shanghai"),
                new UserDirectory(accounts), new ReferenceTitles(records, catalog, staff), key -> key);
        RecordExport export = new RecordExport(records, staff, customer, List.of(
                customer.field("name").orElseThrow(), customer.field("region").orElseThrow(),
                customer.field("credit_note").orElseThrow()), formatter);
        RecordQuery query = RecordQuery.of("customer").search(token)
                .where(new Filter("region", Operator.IN, List.of("east_china")));

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        export.writeCsv(query, csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFName,Region\r\n");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://x\"\") " + token + "\",East China");
        assertThat(text).doesNotContain("Plain").doesNotContain("Credit note");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        export.writeXlsx(query, xlsx);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).getCellText(0)).startsWith("'=HYPERLINK");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("East China");
        }
    }
}
