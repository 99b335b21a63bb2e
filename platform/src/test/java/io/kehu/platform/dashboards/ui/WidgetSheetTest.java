package io.kehu.platform.dashboards.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.metrics.MetricDefinition.Grain;
import io.kehu.platform.metrics.MetricRequest;
import io.kehu.platform.metrics.MetricResult;
import io.kehu.platform.metrics.Metrics;
import io.kehu.platform.metrics.Period;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workspace.WorkspaceFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A widget's data as XLSX: the figures the screen shows, numbers as numbers, names neutralised, in zh. */
@io.kehu.platform.support.KehuTest
@TestPropertySource(properties = "kehu.test.context=workspace")
class WidgetSheetTest {

    @Autowired
    Metrics metrics;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;
    @Autowired
    Messages messages;

    @Test
    void aWidgetsDataIsWrittenAsTheScreenShowsItWithNumbersAndSafeText() throws Exception {
        WorkspaceFixture fixture = new WorkspaceFixture(records, accounts, catalog, publisher);
        Actor handler = fixture.user("=HYPERLINK(\"http://x\") " + WorkspaceFixture.token(), Role.STAFF);
        long customer = fixture.customer(handler, "绍兴" + WorkspaceFixture.token() + "黄酒").id();
        fixture.complaint(handler, customer, WorkspaceFixture.daysAgo(0), "口味变了", "resolved");
        fixture.complaint(handler, customer, WorkspaceFixture.daysAgo(0), "瓶盖松了", "new");
        Period month = Period.of(LocalDate.now(ZoneId.systemDefault()), Grain.MONTH);
        List<MetricResult> results = metrics.compute(handler, List.of(
                new MetricRequest(metrics.definition("complaint_count").orElseThrow(), List.of(month), true),
                new MetricRequest(metrics.definition("first_response_hours").orElseThrow(), List.of(month), true)),
                ZoneId.systemDefault());
        Locale zh = Locale.SIMPLIFIED_CHINESE;
        Figures figures = new Figures(zh, (key, params) -> messages.getTranslation(key, zh, params), catalog,
                accounts);
        WidgetSheet sheet = new WidgetSheet("员工业绩", results, figures);
        assertThat(sheet.rows()).isEqualTo(2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.write(out);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(workbook.getFirstSheet().getName()).isEqualTo("员工业绩");
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(List.of(0, 1, 2, 3, 4, 5)).map(c -> rows.get(0).getCellText(c))
                    .containsExactly("指标", "期间", "分组", "显示值", "数值", "样本数");
            Row count = rows.get(1);
            assertThat(count.getCellText(0)).isEqualTo("投诉数");
            assertThat(count.getCellText(1)).isEqualTo(figures.range(month));
            assertThat(count.getCellText(2)).startsWith("'=HYPERLINK");
            assertThat(count.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(2));
            assertThat(count.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(2));
            Row hours = rows.get(2);
            assertThat(hours.getCellText(3)).isEqualTo("1 小时");
            assertThat(hours.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(hours.getCellAsNumber(5).orElseThrow()).isEqualByComparingTo(BigDecimal.ONE);
        }
    }
}
