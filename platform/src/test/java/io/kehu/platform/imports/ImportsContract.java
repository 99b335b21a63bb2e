package io.kehu.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Imports on every supported database, through the one write path: the real IBM Telco churn file (its 11 blank
 * TotalCharges reported by row and column, nothing silently lost), a GBK file with Chinese option labels and user
 * names, a workbook with two sheets and a repeated header, all-or-nothing, create-or-update and its undo with a record
 * changed in between, STAFF permissions, and a resume after a crash that writes no row twice.
 */
@Import(ImportsTestConfiguration.class)
abstract class ImportsContract {

    private static final AtomicInteger PHONES = new AtomicInteger((int) (System.nanoTime() % 10_000_000));
    private static final String CHURN_FORM = """
            {"id": "churn_customer", "label": {"zh": "电信客户", "en": "Telco customer"}, "titleField": "customer_id",
             "fields": [
              {"id": "customer_id", "type": "text", "label": {"zh": "客户编号", "en": "Customer ID"}, "required": true,
               "unique": true},
              {"id": "gender", "type": "select", "label": {"zh": "性别", "en": "Gender"},
               "options": [{"value": "female", "label": {"zh": "女", "en": "Female"}},
                           {"value": "male", "label": {"zh": "男", "en": "Male"}}]},
              {"id": "senior_citizen", "type": "boolean", "label": {"zh": "老年人", "en": "Senior citizen"}},
              {"id": "tenure", "type": "integer", "label": {"zh": "在网月数", "en": "Tenure"}},
              {"id": "contract", "type": "select", "label": {"zh": "合约", "en": "Contract"},
               "options": [{"value": "monthly", "label": {"zh": "按月", "en": "Month-to-month"}},
                           {"value": "one_year", "label": {"zh": "一年", "en": "One year"}},
                           {"value": "two_year", "label": {"zh": "两年", "en": "Two year"}}]},
              {"id": "monthly_charges", "type": "decimal", "label": {"zh": "月费", "en": "Monthly charges"}},
              {"id": "total_charges", "type": "decimal", "label": {"zh": "总费用", "en": "Total charges"},
               "required": true},
              {"id": "churn", "type": "boolean", "label": {"zh": "已流失", "en": "Churn"}}
             ],
             "layout": [{"section": {"zh": "基本信息", "en": "Basics"}, "columns": 2,
               "fields": ["customer_id", "gender", "senior_citizen", "tenure", "contract", "monthly_charges",
                          "total_charges", "churn"]}],
             "permissions": {"read": ["staff", "manager", "admin"], "write": ["staff", "manager", "admin"]}}
            """;

    @Autowired
    Imports imports;
    @Autowired
    Records records;
    @Autowired
    BulkRecords bulk;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;
    @Autowired
    UserAccounts accounts;
    @Autowired
    DSLContext dsl;
    @Autowired
    io.kehu.platform.imports.job.JobStore jobStore;

    @TempDir
    Path dir;

    Actor admin;
    Actor manager;
    Actor staff;

    @BeforeEach
    void formsAndActors() {
        if (forms.published("customer").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "imports tests");
        }
        if (forms.published("churn_customer").isEmpty()) {
            publisher.publish(new DefinitionReader().read("churn_customer.json", CHURN_FORM), "test", "imports tests");
        }
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        ImportsTestConfiguration.CRASH_AT_NAME.set(null);
    }

    // ---------------------------------------------------------------- the real file

    @Test
    void telcoFileDryRunReportsTheElevenBlankTotalChargesByRowAndColumnThenImportsTheRest() throws Exception {
        Path telco = Path.of("../../shared/data/telco-customer-churn.csv");
        assumeThat(Files.exists(telco)).as("The Telco churn file is expected at " + telco.toAbsolutePath()
                + " (the shared data folder beside the repository); this test is skipped without it").isTrue();
        List<Long> blankRows = new ArrayList<>();
        List<String> lines = Files.readAllLines(telco);
        int totalColumn = List.of(lines.get(0).split(",")).indexOf("TotalCharges");
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).split(",", -1)[totalColumn].isBlank()) {
                blankRows.add(i + 1L);
            }
        }
        assertThat(blankRows).hasSize(11);

        ImportSource source = keep(telco);
        assertThat(source.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(source.delimiter()).isEqualTo(',');
        FormDefinition form = forms.published("churn_customer").orElseThrow();
        ImportMapping mapping = imports.proposeMapping(form, imports.headers(source), admin);
        assertThat(mapping.columnOf("customer_id")).map(ImportMapping.Column::header).contains("customerID");
        assertThat(mapping.columnOf("total_charges")).map(ImportMapping.Column::header).contains("TotalCharges");
        assertThat(mapping.columnOf("contract")).map(ImportMapping.Column::header).contains("Contract");
        ImportSettings settings = new ImportSettings("churn_customer", source, mapping, ImportMode.CREATE, true);

        ImportReport dry = imports.dryRun(admin, settings, new ImportProgress());
        assertThat(dry.rows()).isEqualTo(7043);
        assertThat(dry.created()).isEqualTo(7032);
        assertThat(dry.refused()).isEqualTo(11);
        assertThat(dry.byColumn()).containsOnlyKeys("TotalCharges");
        assertThat(dry.byColumn().get("TotalCharges").count()).isEqualTo(11);
        assertThat(dry.firstProblems()).extracting(ImportProblem::row).containsExactlyElementsOf(blankRows);
        assertThat(dry.firstProblems().get(0).reason().zh()).contains("必须填写");
        assertThat(count("churn_customer")).as("a dry run writes nothing").isZero();

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Imports.writeProblemsXlsx(dry.problemsFile(), List.of("问题", "行", "列", "值", "原因"), Locale.CHINA, xlsx);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            var rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(12);
            assertThat(rows.get(1).getCellText(1)).isEqualTo("TotalCharges");
            assertThat(rows.get(1).getCellText(0)).isEqualTo(String.valueOf(blankRows.get(0)));
        }

        long job = imports.runNow(admin, settings);
        ImportJob done = imports.job(admin, job).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.created()).isEqualTo(7032);
        assertThat(done.refused()).isEqualTo(11);
        assertThat(count("churn_customer")).isEqualTo(7032);
        Record first = records.query(admin, RecordQuery.of("churn_customer").where(RecordQuery.Filter.of(
                "customer_id", RecordQuery.Operator.EQUALS, "7590-VHVEG"))).get(0);
        assertThat(first.get("contract")).isEqualTo("monthly");
        assertThat(first.get("gender")).isEqualTo("female");
        assertThat(first.get("total_charges")).isEqualTo(new java.math.BigDecimal("29.85"));
        assertThat(auditOrigins(first.formId(), first.id())).containsOnly("import:" + job);
    }

    // ---------------------------------------------------------------- Chinese files

    @Test
    void gbkFileWithChineseOptionLabelsAndUserNamesBecomesCustomers() throws Exception {
        String a = phone();
        String b = phone();
        String c = phone();
        Path file = write("客户名称,客户类型,电话,区域,客户经理,备注\n"
                + "甬江贸易" + a + ",个人,１" + a.substring(1) + ",华东,李强,0012 号\n"
                + "北辰科技" + b + ",Company," + b + ",华西,李强,\n"
                + "南风物流" + c + ",公司," + c + ",south china,Wang Fang,\n", Charset.forName("GBK"));
        ImportSource source = keep(file);
        assertThat(source.encoding().name()).isEqualTo("GB18030");
        FormDefinition customer = forms.published("customer").orElseThrow();
        ImportMapping mapping = imports.proposeMapping(customer, imports.headers(source), admin);
        assertThat(mapping.columns()).extracting(ImportMapping.Column::fieldId)
                .containsExactly("name", "customer_type", "phone", "region", "account_manager", "notes");
        ImportSettings settings = new ImportSettings("customer", source, mapping, ImportMode.CREATE, true);

        List<String> headers = imports.headers(source);
        long job = imports.runNow(admin, settings);
        ImportReport report = imports.result(job).orElseThrow();
        assertThat(report.created()).isEqualTo(2);
        assertThat(source.file()).as("a DONE job's upload is removed").doesNotExist();
        assertThat(report.firstProblems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(3);
            assertThat(p.column()).isEqualTo("区域");
            assertThat(p.value()).isEqualTo("华西");
            assertThat(p.reason().zh()).contains("没有选项");
        });
        Record first = byPhone(a);
        assertThat(first.get("customer_type")).isEqualTo("person");
        assertThat(first.get("region")).isEqualTo("east_china");
        assertThat(first.get("account_manager")).isEqualTo(staff.userId());
        assertThat(first.get("notes")).isEqualTo("0012 号");
        assertThat(byPhone(c).get("account_manager")).isEqualTo(manager.userId());
        assertThat(byPhone(c).get("region")).isEqualTo("south_china");

        imports.saveMapping("customer", mapping.with(5, null), admin);
        assertThat(imports.proposeMapping(customer, headers, admin).columnOf("notes"))
                .as("the saved mapping (备注 ignored) is offered again").isEmpty();
        imports.saveMapping("customer", mapping, admin);
    }

    @Test
    void workbookSheetAndRepeatedHeaderAreMappedByPosition() throws Exception {
        Path file = dir.resolve("customers.xlsx");
        String p1 = phone();
        try (var out = Files.newOutputStream(file)) {
            var wb = new org.dhatim.fastexcel.Workbook(out, "test", "1.0");
            wb.newWorksheet("说明").value(0, 0, "第二个工作表是客户");
            var data = wb.newWorksheet("客户");
            String[] headers = {"客户名称", "电话", "备注", "备注"};
            for (int i = 0; i < headers.length; i++) {
                data.value(0, i, headers[i]);
            }
            data.value(1, 0, "海曙文具" + p1);
            data.value(1, 1, p1);
            data.value(1, 2, "送货上门");
            data.value(1, 3, "喜欢微信联系");
            wb.finish();
        }
        ImportSource source = keep(file);
        assertThat(source.xlsx()).isTrue();
        assertThat(source.sheets()).containsExactly("说明", "客户");
        source = source.withSheet("客户");
        FormDefinition customer = forms.published("customer").orElseThrow();
        ImportMapping mapping = imports.proposeMapping(customer, imports.headers(source), admin).with(3,
                "preferences");
        long job = imports.runNow(admin, new ImportSettings("customer", source, mapping, ImportMode.CREATE, true));
        assertThat(imports.job(admin, job).orElseThrow().created()).isEqualTo(1);
        Record r = byPhone(p1);
        assertThat(r.get("notes")).isEqualTo("送货上门");
        assertThat(r.get("preferences")).isEqualTo("喜欢微信联系");
    }

    @Test
    void oldXlsWorkbookSheetIsChosenAndImportedWithItsRepeatedHeaderByPosition() throws Exception {
        Path file = dir.resolve("customers.xls");
        String p1 = phone();
        String p2 = phone();
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); var out = Files.newOutputStream(file)) {
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("第二个工作表是客户");
            var data = wb.createSheet("客户");
            String[] headers = {"客户名称", "电话", "备注", "备注"};
            var head = data.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            var r1 = data.createRow(1);
            r1.createCell(0).setCellValue("鄞州五金" + p1);
            r1.createCell(1).setCellValue(Double.parseDouble(p1)); // a phone typed as a number
            r1.createCell(2).setCellValue("送货上门");
            r1.createCell(3).setCellValue("喜欢微信联系");
            var r2 = data.createRow(2);
            r2.createCell(0).setCellValue("江北茶行" + p2);
            r2.createCell(1).setCellValue(p2);
            wb.write(out);
        }
        ImportSource source = keep(file);
        assertThat(source.xlsx()).as("a workbook").isTrue();
        assertThat(source.kind()).isEqualTo("xls");
        assertThat(source.sheets()).containsExactly("说明", "客户");
        source = source.withSheet("客户");
        assertThat(imports.headers(source)).containsExactly("客户名称", "电话", "备注", "备注");
        FormDefinition customer = forms.published("customer").orElseThrow();
        ImportMapping mapping = imports.proposeMapping(customer, imports.headers(source), admin).with(3,
                "preferences");
        ImportSettings settings = new ImportSettings("customer", source, mapping, ImportMode.CREATE, true);
        ImportReport dry = imports.dryRun(admin, settings, new ImportProgress());
        assertThat(dry.rows()).isEqualTo(2);
        assertThat(dry.created()).isEqualTo(2);
        long job = imports.runNow(admin, settings);
        assertThat(imports.job(admin, job).orElseThrow().created()).isEqualTo(2);
        assertThat(dsl.select(DSL.field(DSL.name("file_kind"), String.class)).from(DSL.table(DSL.name(
                "kehu_import_job"))).where(DSL.field(DSL.name("id")).eq(job)).fetchOne(0, String.class))
                .isEqualTo("xls");
        Record r = byPhone(p1);
        assertThat(r.get("notes")).isEqualTo("送货上门");
        assertThat(r.get("preferences")).isEqualTo("喜欢微信联系");
        assertThat(byPhone(p2).get("name")).isEqualTo("江北茶行" + p2);
    }

    // ---------------------------------------------------------------- modes, undo

    @Test
    void allOrNothingStopsAtTheFirstBadRowAndWritesNothing() throws Exception {
        String a = phone();
        String b = phone();
        Path file = write("客户名称,电话,区域\n全有" + a + "," + a + ",华东\n全无" + b + "," + b + ",火星\n",
                StandardCharsets.UTF_8);
        ImportSource source = keep(file);
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), admin);
        long job = imports.runNow(admin, new ImportSettings("customer", source, mapping, ImportMode.CREATE, false));
        assertThat(imports.job(admin, job).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(imports.result(job).orElseThrow().stoppedAt()).isEqualTo(3);
        assertThat(findByPhone(a)).as("the good first row was rolled back too").isEmpty();
    }

    @Test
    void createOrUpdateByPhoneThenUndoLeavesARecordChangedSinceAlone() throws Exception {
        String a = phone();
        String b = phone();
        String c = phone();
        long idA = records.create(admin, "customer", Map.of("name", "撤销甲" + a, "phone", a, "notes", "原备注甲")).id();
        long idB = records.create(admin, "customer", Map.of("name", "撤销乙" + b, "phone", b, "notes", "原备注乙")).id();
        Path file = write("电话,备注\n" + a + ",导入后甲\n" + b + ",导入后乙\n", StandardCharsets.UTF_8);
        Path withNew = write("电话,备注,客户名称\n" + a + ",导入后甲,撤销甲" + a + "\n" + b + ",导入后乙,撤销乙" + b
                + "\n" + c + ",新客户丙,撤销丙" + c + "\n", StandardCharsets.UTF_8);
        assertThat(file).exists();
        ImportSource source = keep(withNew);
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), admin).withKeys(List.of("phone"));
        ImportSettings settings = new ImportSettings("customer", source, mapping, ImportMode.UPSERT, true);
        ImportReport dry = imports.dryRun(admin, settings, new ImportProgress());
        assertThat(List.of(dry.created(), dry.updated(), dry.refused())).containsExactly(1L, 2L, 0L);

        long job = imports.runNow(admin, settings);
        ImportJob done = imports.job(admin, job).orElseThrow();
        assertThat(List.of(done.created(), done.updated())).containsExactly(1L, 2L);
        assertThat(records.get(admin, "customer", idA).orElseThrow().get("notes")).isEqualTo("导入后甲");
        long idC = byPhone(c).id();

        Record changed = records.get(admin, "customer", idB).orElseThrow();
        records.update(manager, "customer", idB, changed.rowVersion(), Map.of("notes", "经理之后改的"));

        UndoReport undo = imports.undo(admin, job);
        assertThat(undo.restored()).isEqualTo(1);
        assertThat(undo.deleted()).isEqualTo(1);
        assertThat(undo.leftAlone()).singleElement().satisfies(l -> {
            assertThat(l.recordId()).isEqualTo(idB);
            assertThat(l.title()).isEqualTo("撤销乙" + b);
        });
        assertThat(records.get(admin, "customer", idA).orElseThrow().get("notes")).isEqualTo("原备注甲");
        assertThat(records.get(admin, "customer", idB).orElseThrow().get("notes")).isEqualTo("经理之后改的");
        assertThat(records.get(admin, "customer", idC)).isEmpty();
        assertThat(imports.job(admin, job).orElseThrow().status()).isEqualTo("UNDONE");
    }

    @Test
    void staffCannotUpdateOtherPeoplesRecordsNorGiveRecordsAwayThroughAnImport() throws Exception {
        String theirs = phone();
        String mine = phone();
        long managersId = records.create(admin, "customer", Map.of("name", "经理的客户" + theirs, "phone", theirs,
                "account_manager", manager.userId(), "notes", "不许动")).id();
        Path update = write("电话,备注\n" + theirs + ",员工想改\n", StandardCharsets.UTF_8);
        ImportSource source = keep(update);
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), staff).withKeys(List.of("phone"));
        long job = imports.runNow(staff, new ImportSettings("customer", source, mapping, ImportMode.UPDATE, true));
        assertThat(imports.job(staff, job).orElseThrow().refused()).isEqualTo(1);
        assertThat(imports.result(job).orElseThrow().firstProblems().get(0).reason().en())
                .contains("No record you may change");
        assertThat(records.get(admin, "customer", managersId).orElseThrow().get("notes")).isEqualTo("不许动");

        Path giveAway = write("客户名称,电话,客户经理\n员工的客户" + mine + "," + mine + ",王芳\n", StandardCharsets.UTF_8);
        ImportSource second = keep(giveAway);
        ImportMapping m2 = imports.proposeMapping(forms.published("customer").orElseThrow(), imports.headers(second),
                staff);
        long job2 = imports.runNow(staff, new ImportSettings("customer", second, m2, ImportMode.CREATE, true));
        ImportReport report = imports.result(job2).orElseThrow();
        assertThat(report.refused()).isEqualTo(1);
        assertThat(report.firstProblems().get(0).column()).isEqualTo("客户经理");
        assertThat(findByPhone(mine)).isEmpty();
        assertThat(imports.job(manager, job2)).as("someone else's import is not theirs to see").isEmpty();
    }

    @Test
    void aFormMarkedNotImportableIsRefusedByTheImportWhoeverAsks() throws Exception {
        String ledger = "ledger" + Math.abs(System.nanoTime() % 100_000_000);
        publisher.publish(new DefinitionReader().read(ledger + ".json", """
                {"id": "%s", "label": {"zh": "积分流水", "en": "Points entry"}, "importable": false,
                 "titleField": "summary",
                 "fields": [{"id": "summary", "type": "text", "label": {"zh": "说明", "en": "Description"}}]}
                """.formatted(ledger)), "test", "imports tests");
        FormDefinition form = forms.published(ledger).orElseThrow();
        assertThat(form.importable()).as("kept through publishing").isFalse();
        ImportSource source = keep(write("说明\n手工补记\n", StandardCharsets.UTF_8));
        ImportMapping mapping = imports.proposeMapping(form, imports.headers(source), admin);
        ImportSettings settings = new ImportSettings(ledger, source, mapping, ImportMode.CREATE, true);
        for (java.util.function.Supplier<Object> attempt : List.<java.util.function.Supplier<Object>>of(
                () -> imports.runNow(admin, settings), () -> imports.start(admin, settings))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(attempt::get)
                    .isInstanceOf(io.kehu.platform.records.RecordAccessDeniedException.class)
                    .satisfies(e -> {
                        var text = ((io.kehu.platform.records.RecordAccessDeniedException) e).text();
                        assertThat(text.zh()).isEqualTo("“积分流水”的记录由系统或插件自动生成，不能导入；请选择其他表单导入");
                        assertThat(text.en()).startsWith("Records of “Points entry” are kept by the system");
                    });
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.dryRun(admin, settings,
                new ImportProgress())).isInstanceOf(io.kehu.platform.records.RecordAccessDeniedException.class);
        assertThat(records.query(admin, RecordQuery.of(ledger).limit(10))).isEmpty();
        assertThat(forms.published("customer").orElseThrow().importable()).as("the default").isTrue();
    }

    // ---------------------------------------------------------------- crash and resume

    @Test
    void aCrashedImportResumesAfterItsLastCommittedChunkAndWritesNoRowTwice() throws Exception {
        String prefix = "续传" + PHONES.incrementAndGet() + "-";
        StringBuilder csv = new StringBuilder("客户名称,电话\n");
        for (int i = 0; i < 2500; i++) {
            csv.append(prefix).append(i).append(',').append(phone()).append('\n');
        }
        ImportSource source = keep(write(csv.toString(), StandardCharsets.UTF_8));
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), admin);
        ImportsTestConfiguration.CRASH_AT_NAME.set(prefix + 1500);
        long job = imports.runNow(admin, new ImportSettings("customer", source, mapping, ImportMode.CREATE, true));
        ImportJob crashed = imports.job(admin, job).orElseThrow();
        assertThat(crashed.status()).isEqualTo("FAILED");
        assertThat(crashed.lastRow()).isEqualTo(1001);
        assertThat(countByPrefix(prefix)).isEqualTo(1000);

        ImportsTestConfiguration.CRASH_AT_NAME.set(null);
        // a killed process leaves its job RUNNING (the simulated crash above marked it FAILED) and its lease runs out
        assertThat(source.file()).as("a FAILED job's file is kept").exists();
        dsl.update(DSL.table(DSL.name("kehu_import_job"))).set(DSL.field(DSL.name("status"), String.class), "RUNNING")
                .set(DSL.field(DSL.name("lease_owner"), String.class), "a-node-that-died")
                .set(DSL.field(DSL.name("lease_until"), java.time.OffsetDateTime.class),
                        java.time.OffsetDateTime.now().plusMinutes(5))
                .where(DSL.field(DSL.name("id")).eq(job)).execute();
        assertThat(imports.resume(job)).as("the other node's lease still holds").isFalse();
        dsl.update(DSL.table(DSL.name("kehu_import_job")))
                .set(DSL.field(DSL.name("lease_until"), java.time.OffsetDateTime.class),
                        java.time.OffsetDateTime.now().minusMinutes(1))
                .where(DSL.field(DSL.name("id")).eq(job)).execute();
        assertThat(imports.resume(job)).as("its lease ran out: this node takes the job over").isTrue();
        ImportJob resumed = imports.job(admin, job).orElseThrow();
        assertThat(resumed.status()).isEqualTo("DONE");
        assertThat(resumed.created()).isEqualTo(2500);
        assertThat(resumed.refused()).isZero();
        assertThat(countByPrefix(prefix)).isEqualTo(2500);
        assertThat(dsl.fetchCount(DSL.table(DSL.name("kehu_import_row")), DSL.field(DSL.name("job_id")).eq(job)))
                .isEqualTo(2500);
    }

    // ---------------------------------------------------------------- chunks prepared ahead of the writes

    @Test
    void chunksPreparedAheadStillFindDuplicatesOfTheChunkBeforeAndCountEachChunkWithItsCommit() throws Exception {
        String prefix = "预备" + PHONES.incrementAndGet() + "-";
        List<String> phones = new java.util.ArrayList<>();
        StringBuilder csv = new StringBuilder("客户名称,电话,邮箱,区域\n");
        for (int i = 0; i < 2100; i++) {
            String phone = phone();
            phones.add(phone);
            String email = prefix.replace("-", "") + "." + i + "@example.cn";
            if (i == 1100) { // file row 1102 (2nd chunk) repeats row 7's phone, typed with dashes
                phone = phones.get(5).substring(0, 3) + "-" + phones.get(5).substring(3, 7) + "-"
                        + phones.get(5).substring(7);
            }
            if (i == 2050) { // file row 2052 (3rd chunk) repeats the e-mail of row 2001, the 2nd chunk's last
                email = (prefix.replace("-", "") + "." + 1999 + "@example.cn").toUpperCase(java.util.Locale.ROOT);
            }
            csv.append(prefix).append(i).append(',').append(phone).append(',').append(email).append(',')
                    .append(i == 1500 ? "火星" : "华东").append('\n');
        }
        ImportSource source = keep(write(csv.toString(), StandardCharsets.UTF_8));
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), admin);
        long job = imports.runNow(admin, new ImportSettings("customer", source, mapping, ImportMode.CREATE, true));

        ImportJob done = imports.job(admin, job).orElseThrow();
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(List.of(done.created(), done.refused(), done.duplicates())).containsExactly(2097L, 1L, 2L);
        assertThat(done.lastRow()).isEqualTo(2101);
        ImportReport report = imports.result(job).orElseThrow();
        assertThat(report.firstDuplicates()).extracting(ImportDuplicate::row).containsExactly(1102L, 2052L);
        assertThat(report.firstDuplicates().get(0).reason().zh()).contains("第 7 行");
        assertThat(report.firstDuplicates().get(1).reason().zh()).contains("第 2001 行");
        assertThat(report.firstProblems()).extracting(ImportProblem::row).containsExactly(1502L);
        assertThat(countByPrefix(prefix)).isEqualTo(2097);
        assertThat(dsl.fetchCount(DSL.table(DSL.name("kehu_import_row")), DSL.field(DSL.name("job_id")).eq(job)))
                .isEqualTo(2097);
    }

    @Test
    void rowsCreatedThoughDuplicatesAreSeenByTheNextChunksLookUpOfStoredDuplicates() throws Exception {
        // Row 1001, the 1st chunk's last, repeats row 2's e-mail and is created anyway: its own keys are not kept by
        // the in-file check, so only the table shows that row 1002 has its phone. Such imports prepare each chunk
        // after the chunk before is written (ImportRun.mayPrepareAhead).
        String prefix = "在后" + PHONES.incrementAndGet() + "-";
        String sharedEmail = prefix.replace("-", "") + "@example.cn";
        String phoneOfRow1001 = phone();
        StringBuilder csv = new StringBuilder("客户名称,电话,邮箱\n");
        for (int i = 0; i < 1100; i++) {
            String phone = i == 999 ? phoneOfRow1001 : i == 1000 ? phoneOfRow1001.substring(0, 3) + " "
                    + phoneOfRow1001.substring(3, 7) + " " + phoneOfRow1001.substring(7) : phone();
            String email = i == 0 || i == 999 ? sharedEmail : prefix.replace("-", "") + "." + i + "@example.cn";
            csv.append(prefix).append(i).append(',').append(phone).append(',').append(email).append('\n');
        }
        ImportSource source = keep(write(csv.toString(), StandardCharsets.UTF_8));
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), admin);
        long job = imports.runNow(admin, new ImportSettings("customer", source, mapping, ImportMode.CREATE, true)
                .withSkipDuplicates(false));

        ImportJob done = imports.job(admin, job).orElseThrow();
        assertThat(List.of(done.created(), done.refused(), done.duplicates())).containsExactly(1100L, 0L, 2L);
        List<ImportDuplicate> duplicates = imports.result(job).orElseThrow().firstDuplicates();
        assertThat(duplicates).extracting(ImportDuplicate::row).containsExactly(1001L, 1002L);
        assertThat(duplicates.get(0).recordId()).as("row 1001 repeats row 2 of the file").isNull();
        assertThat(duplicates.get(1).recordId()).as("row 1002 duplicates the record row 1001 created")
                .isEqualTo(byPhone(phoneOfRow1001).id());
    }

    @Test
    void ofTwoNodesClaimingAnUnfinishedJobAtOnceExactlyOneGetsIt() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String p = phone();
            ImportSource source = keep(write("客户名称,电话\n租约" + p + "," + p + "\n", StandardCharsets.UTF_8));
            ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                    imports.headers(source), admin);
            ids.add(imports.runNow(admin, new ImportSettings("customer", source, mapping, ImportMode.CREATE,
                    true)));
        }
        java.time.Duration lease = java.time.Duration.ofMinutes(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (long id : ids) {
                assertThat(jobStore.claimable()).as("a DONE job").doesNotContain(id);
                // as a stopped node leaves it: unfinished, its lease run out (set just before the race, so that this
                // node's housekeeping, which claims such jobs too, is unlikely to come in between)
                dsl.update(DSL.table(DSL.name("kehu_import_job")))
                        .set(DSL.field(DSL.name("status"), String.class), "RUNNING")
                        .set(DSL.field(DSL.name("lease_until"), java.time.OffsetDateTime.class),
                                java.time.OffsetDateTime.now().minusSeconds(1))
                        .where(DSL.field(DSL.name("id")).eq(id)).execute();
                var start = new java.util.concurrent.CountDownLatch(1);
                var a = pool.submit(() -> {
                    start.await();
                    return jobStore.claim(id, "node-a", lease);
                });
                var b = pool.submit(() -> {
                    start.await();
                    return jobStore.claim(id, "node-b", lease);
                });
                start.countDown();
                boolean wonA = a.get();
                boolean wonB = b.get();
                assertThat(wonA ^ wonB).as("exactly one of two claimers gets job " + id).isTrue();
                assertThat(jobStore.leaseOwner(id)).contains(wonA ? "node-a" : "node-b");
                assertThat(jobStore.claim(id, wonA ? "node-b" : "node-a", lease))
                        .as("the live lease keeps the other node out").isFalse();
                assertThat(imports.resume(id)).as("and this node too").isFalse();
                assertThat(jobStore.renew(List.of(id), wonA ? "node-b" : "node-a", lease))
                        .as("only the holder renews").isZero();
                assertThat(jobStore.renew(List.of(id), wonA ? "node-a" : "node-b", lease)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jobStore.claimable()).doesNotContainAnyElementsOf(ids);
        dsl.update(DSL.table(DSL.name("kehu_import_job"))).set(DSL.field(DSL.name("status"), String.class), "DONE")
                .where(DSL.field(DSL.name("id")).in(ids)).execute();
    }

    @Test
    void uploadsGoWhenTheirJobIsDoneAndEverythingOldGoesAfterTheKeepPeriod() throws Exception {
        String p = phone();
        ImportSource source = keep(write("客户名称,电话\n清理" + p + "," + p + "\n", StandardCharsets.UTF_8));
        Path importsDir = source.file().getParent();
        ImportSource unused = keep(write("客户名称,电话\n没导入" + p + ",\n", StandardCharsets.UTF_8));
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), admin);
        long job = imports.runNow(admin, new ImportSettings("customer", source, mapping, ImportMode.CREATE, true));
        assertThat(imports.job(admin, job).orElseThrow().status()).isEqualTo("DONE");
        assertThat(source.file()).as("the DONE job's upload").doesNotExist();
        assertThat(unused.file()).as("an upload not imported (yet) stays within the keep period").exists();

        Path oldProblems = Files.writeString(importsDir.resolve("dry-run-old.problems"), "x");
        Path unfinished = Files.writeString(importsDir.resolve("f".repeat(64)), "客户名称\n");
        java.nio.file.attribute.FileTime eightDaysAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(8)));
        for (Path old : List.of(oldProblems, unfinished, unused.file())) {
            Files.setLastModifiedTime(old, eightDaysAgo);
        }
        long running = jobStore.insert(admin, new ImportSettings("customer", new ImportSource(unfinished, "半途.csv",
                "f".repeat(64), false, StandardCharsets.UTF_8, ',', List.of(), null), mapping, ImportMode.CREATE,
                true), "another-node", java.time.Duration.ofMinutes(2));
        try {
            assertThat(imports.removeOldFiles()).isGreaterThanOrEqualTo(2);
            assertThat(oldProblems).doesNotExist();
            assertThat(unused.file()).as("an old upload nobody imported").doesNotExist();
            assertThat(unfinished).as("the file of an unfinished job, which a resume needs").exists();
        } finally {
            jobStore.status(running, "CANCELLED", null);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String phone() {
        return "139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
    }

    private ImportSource keep(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            return imports.keep(in, file.getFileName().toString());
        }
    }

    private Path write(String text, Charset charset) throws Exception {
        Path file = Files.createTempFile(dir, "import", ".csv");
        Files.write(file, text.getBytes(charset));
        return file;
    }

    private long count(String formId) {
        long[] n = {0};
        bulk.forEach(admin, RecordQuery.of(formId), List.of(), r -> n[0]++);
        return n[0];
    }

    private long countByPrefix(String prefix) {
        long[] n = {0};
        bulk.forEach(admin, RecordQuery.of("customer").where(RecordQuery.Filter.of("name",
                RecordQuery.Operator.STARTS_WITH, prefix)), List.of("name"), r -> n[0]++);
        return n[0];
    }

    private java.util.Optional<Record> findByPhone(String phone) {
        return records.query(admin, RecordQuery.of("customer").where(RecordQuery.Filter.of("phone",
                RecordQuery.Operator.EQUALS, phone))).stream().findFirst();
    }

    private Record byPhone(String phone) {
        return findByPhone(phone).orElseThrow(() -> new AssertionError("no customer with phone " + phone));
    }

    private List<String> auditOrigins(String formId, long id) {
        return dsl.select(DSL.field(DSL.name("origin"), String.class)).from(DSL.table(DSL.name("kehu_audit")))
                .where(DSL.field(DSL.name("form_id")).eq(formId)).and(DSL.field(DSL.name("record_id")).eq(id))
                .fetch(0, String.class);
    }
}
