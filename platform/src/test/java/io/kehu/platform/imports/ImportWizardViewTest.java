package io.kehu.platform.imports;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.imports.ui.ImportViewAccess;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The import wizard in Chinese, server-side (Karibu): the list's 导入 button, a GBK file read with the guessed
 * encoding, the proposed mapping, the dry run with one bad cell, the import with its progress, the link to the
 * records, and the undo.
 */
@KehuTest
@Import(ImportsTestConfiguration.class)
class ImportWizardViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Imports imports;
    @Autowired
    Records records;
    @Autowired
    FormCatalog forms;
    @Autowired
    FormPublisher publisher;
    @Autowired
    io.kehu.platform.imports.job.JobStore jobs;

    @BeforeEach
    void forms() {
        if (forms.published("customer").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "import wizard test");
        }
    }

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    @Test
    void uploadMapDryRunImportAndUndoInChinese() throws Exception {
        KaribuSession.signIn(context, accounts, "manager");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("forms/customer");
        assertThat(_get(Button.class, spec -> spec.withId("import-records")).getText()).isEqualTo("导入");
        _click(_get(Button.class, spec -> spec.withId("import-records")));
        assertThat(_get(H3.class, spec -> spec.withId("import-step")).getText()).isEqualTo("1. 上传文件");

        String tag = Long.toString(System.nanoTime() % 100_000_000);
        String phone = "137" + String.format("%08d", Long.parseLong(tag));
        String csv = "客户名称,电话,区域\n向导客户" + tag + "," + phone + ",华南\n坏区域" + tag + ",,火星\n";
        ImportSource source = imports.keep(new ByteArrayInputStream(csv.getBytes(Charset.forName("GBK"))),
                "客户.csv");
        ImportViewAccess.received(source);
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-headers")).getText())
                .isEqualTo("表头：客户名称 | 电话 | 区域");
        _click(_get(Button.class, spec -> spec.withId("import-next")));
        assertThat(_get(Span.class, spec -> spec.withId("import-mapping-count")).getText())
                .isEqualTo("共 3 列，已对应 3 列");

        _click(_get(Button.class, spec -> spec.withId("import-dry-run")));
        awaitUi(() -> !_find(Paragraph.class, spec -> spec.withId("import-dry-run-summary")).isEmpty());
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-dry-run-summary")).getText())
                .startsWith("共 2 行：将新建 1 条，更新 0 条，无变化 0 条，有问题 1 行");
        assertThat(_get(Anchor.class, spec -> spec.withId("import-problems-download")).getText())
                .isEqualTo("下载全部问题（Excel）");

        _click(_get(Button.class, spec -> spec.withId("import-start")));
        awaitUi(() -> {
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
            return !_find(Paragraph.class, spec -> spec.withId("import-result")).isEmpty();
        });
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-result")).getText())
                .isEqualTo("导入完成：新建 1 条，更新 0 条，无变化 0 条，有问题 1 行。");
        assertThat(_get(Anchor.class, spec -> spec.withId("import-open-list")).getText()).isEqualTo("查看客户列表");
        Actor manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        assertThat(records.query(manager, RecordQuery.of("customer").where(RecordQuery.Filter.of("phone",
                RecordQuery.Operator.EQUALS, phone)))).singleElement()
                .satisfies(r -> assertThat(r.get("region")).isEqualTo("south_china"));

        _click(_get(Button.class, spec -> spec.withId("import-undo")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("import-undo-confirm")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-undone")).getText())
                .isEqualTo("已撤销：删除 1 条，恢复 0 条。");
        assertThat(records.query(manager, RecordQuery.of("customer").where(RecordQuery.Filter.of("phone",
                RecordQuery.Operator.EQUALS, phone)))).isEmpty();

        UI.getCurrent().navigate("imports");
        assertThat(_get(Span.class, spec -> spec.withId("imports-count")).getText()).startsWith("共 ");
    }

    @Test
    void theReviewDecidesPerDuplicateRowAndTheResultCountsThem() throws Exception {
        KaribuSession.signIn(context, accounts, "manager");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        Actor manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        String tag = Long.toString(System.nanoTime() % 100_000_000);
        String p1 = "136" + String.format("%08d", Long.parseLong(tag));
        String p2 = "135" + String.format("%08d", Long.parseLong(tag));
        var stored = records.create(manager, "customer", java.util.Map.of("name", "复核客户" + tag, "customer_type",
                "company", "phone", p1));
        String csv = "客户名称,电话,备注\n复核客户" + tag + "," + p1 + ",改为月结\n新客户" + tag + "," + p2
                + ",\n新客户" + tag + "," + p2 + ",\n";
        UI.getCurrent().navigate("import/customer");
        ImportViewAccess.received(imports.keep(new ByteArrayInputStream(csv.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "复核.csv"));
        _click(_get(Button.class, spec -> spec.withId("import-next")));
        _click(_get(Button.class, spec -> spec.withId("import-dry-run")));
        awaitUi(() -> !_find(Paragraph.class, spec -> spec.withId("import-dry-run-summary")).isEmpty());
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-duplicates-count")).getText())
                .startsWith("疑似重复 2 行，默认跳过");
        @SuppressWarnings("unchecked")
        Grid<ImportDuplicate> review = _get(Grid.class, spec -> spec.withId("import-duplicates"));
        assertThat(GridKt._size(review)).isEqualTo(2);
        assertThat(GridKt._get(review, 0).reason().zh()).isEqualTo("与已有记录“复核客户" + tag
                + "”重复：同一手机号；名称相似度 100%");
        @SuppressWarnings("unchecked")
        Select<DuplicateDecision> row2 = (Select<DuplicateDecision>) GridKt._getCellComponent(review, 0, "decision");
        assertThat(row2.getId()).contains("import-decision-2");
        assertThat(row2.getValue()).isEqualTo(DuplicateDecision.SKIP);
        assertThat(row2.getListDataView().getItems().map(row2.getItemLabelGenerator()::apply).toList())
                .containsExactly("导入", "跳过", "合并到已有记录");
        @SuppressWarnings("unchecked")
        Select<DuplicateDecision> row4 = (Select<DuplicateDecision>) GridKt._getCellComponent(review, 1, "decision");
        assertThat(row4.getListDataView().getItems().toList()).as("row 4 duplicates row 3: no record to merge into")
                .containsExactly(DuplicateDecision.IMPORT, DuplicateDecision.SKIP);
        row2.setValue(DuplicateDecision.MERGE);

        _click(_get(Button.class, spec -> spec.withId("import-start")));
        awaitUi(() -> {
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
            return !_find(Paragraph.class, spec -> spec.withId("import-result")).isEmpty();
        });
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-result")).getText())
                .isEqualTo("导入完成：新建 1 条，更新 1 条，无变化 0 条，有问题 0 行。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-result-duplicates")).getText())
                .isEqualTo("疑似重复 2 行（按所选方式跳过、合并或导入）。");
        assertThat(records.get(manager, "customer", stored.id()).orElseThrow().get("notes")).isEqualTo("改为月结");
    }

    @Test
    void theAdministrationMenuLeadsToAFormPickerThenToTheWizard() {
        KaribuSession.signIn(context, accounts, "admin");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        SideNav admin = _get(SideNav.class, spec -> spec.withId("nav-admin"));
        SideNavItem entry = admin.getItems().stream().filter(i -> "导入数据".equals(i.getLabel())).findFirst()
                .orElseThrow(() -> new AssertionError("no 导入数据 in the administration menu"));
        assertThat(entry.getPath()).isEqualTo("import");

        UI.getCurrent().navigate(entry.getPath());
        @SuppressWarnings("unchecked")
        ComboBox<FormDefinition> picker = _get(ComboBox.class, spec -> spec.withId("import-form"));
        assertThat(picker.getLabel()).isEqualTo("导入到哪个表单");
        List<FormDefinition> offered = picker.getListDataView().getItems().toList();
        assertThat(offered).extracting(FormDefinition::id).contains("customer", "interaction", "purchase")
                .as("a subtable's form is filled from its parent record").doesNotContain("contact_person");
        assertThat(_get(Span.class, spec -> spec.withId("import-forms-count")).getText())
                .isEqualTo("可以导入的表单：" + offered.size() + " 个");
        assertThat(picker.getItemLabelGenerator().apply(forms.published("customer").orElseThrow())).isEqualTo("客户");
        Button next = _get(Button.class, spec -> spec.withId("import-form-next"));
        assertThat(next.isEnabled()).as("no form chosen yet").isFalse();
        picker.setValue(forms.published("customer").orElseThrow());
        _click(next);
        assertThat(_get(H2.class, spec -> spec.withId("import-title")).getText()).isEqualTo("导入客户");
        assertThat(_get(H3.class, spec -> spec.withId("import-step")).getText()).isEqualTo("1. 上传文件");
    }

    @Test
    void aSalesRepHasNoAdministrationEntryButThePickerOffersOnlyWritableForms() {
        KaribuSession.signIn(context, accounts, "staff");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("导入数据")
                .contains("我的导入");
        UI.getCurrent().navigate("import");
        @SuppressWarnings("unchecked")
        ComboBox<FormDefinition> picker = _get(ComboBox.class, spec -> spec.withId("import-form"));
        Actor staff = Actor.of(accounts.findByUsername("staff").orElseThrow());
        assertThat(picker.getListDataView().getItems().toList()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.access().mayWrite(staff.roles())).as(f.id()).isTrue());
    }

    @Test
    void aPluginsBookkeepingFormIsNotOfferedAndItsWizardSaysWhy() {
        String ledger = "ledger" + Long.toString(System.nanoTime() % 100_000_000);
        publisher.publish(new DefinitionReader().read(ledger + ".json", """
                {"id": "%s", "label": {"zh": "积分流水", "en": "Points entry"}, "importable": false,
                 "titleField": "summary",
                 "fields": [{"id": "summary", "type": "text", "label": {"zh": "说明", "en": "Description"}}]}
                """.formatted(ledger)), "test", "import wizard test");
        assertThat(forms.published(ledger).orElseThrow().importable()).isFalse();
        KaribuSession.signIn(context, accounts, "admin");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("import");
        @SuppressWarnings("unchecked")
        ComboBox<FormDefinition> picker = _get(ComboBox.class, spec -> spec.withId("import-form"));
        assertThat(picker.getListDataView().getItems().toList()).extracting(FormDefinition::id)
                .contains("customer").doesNotContain(ledger);

        UI.getCurrent().navigate("import/" + ledger);
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-not-importable")).getText())
                .isEqualTo("“积分流水”的记录由系统或插件自动生成，不能导入。请在“导入数据”页面选择其他表单。");
        assertThat(_find(H3.class, spec -> spec.withId("import-step"))).as("no upload step").isEmpty();
    }

    @Test
    void theReviewPagesThroughEveryDuplicateAndDecidesTheRemainingOnesAtOnce() throws Exception {
        KaribuSession.signIn(context, accounts, "manager");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        Actor manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        String tag = Long.toString(System.nanoTime() % 100_000_000);
        String email = "dup" + tag + "@example.cn";
        // 251 rows with one e-mail: the first is new, the other 250 duplicate it (more than a report lists)
        StringBuilder csv = new StringBuilder("客户名称,邮箱\n");
        for (int i = 0; i < 251; i++) {
            csv.append("批量客户").append(tag).append('-').append(i).append(',').append(email).append('\n');
        }
        UI.getCurrent().navigate("import/customer");
        ImportViewAccess.received(imports.keep(new ByteArrayInputStream(csv.toString().getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "批量.csv"));
        _click(_get(Button.class, spec -> spec.withId("import-next")));
        _click(_get(Button.class, spec -> spec.withId("import-dry-run")));
        awaitUi(() -> !_find(Paragraph.class, spec -> spec.withId("import-dry-run-summary")).isEmpty());
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-duplicates-count")).getText())
                .startsWith("疑似重复 250 行，默认跳过");
        @SuppressWarnings("unchecked")
        Grid<ImportDuplicate> review = _get(Grid.class, spec -> spec.withId("import-duplicates"));
        assertThat(GridKt._size(review)).as("every duplicate, not the first 200").isEqualTo(250);
        assertThat(GridKt._get(review, 249).row()).isEqualTo(252);
        assertThat(GridKt._get(review, 249).reason().zh()).startsWith("与第 ");

        @SuppressWarnings("unchecked")
        Select<DuplicateDecision> rest = _get(Select.class, spec -> spec.withId("import-duplicates-rest"));
        assertThat(rest.getLabel()).isEqualTo("其余所有未逐行决定的行");
        assertThat(rest.getValue()).isEqualTo(DuplicateDecision.SKIP);
        rest.setValue(DuplicateDecision.IMPORT);
        Select<DuplicateDecision> row8 = picker(review, 5);
        assertThat(row8.getId()).contains("import-decision-8");
        assertThat(row8.getValue()).isEqualTo(DuplicateDecision.IMPORT);
        row8.setValue(DuplicateDecision.SKIP);
        rest.setValue(DuplicateDecision.SKIP);
        rest.setValue(DuplicateDecision.IMPORT);
        assertThat(picker(review, 5).getValue()).as("decided one by one: stays whatever the rest does")
                .isEqualTo(DuplicateDecision.SKIP);
        Select<DuplicateDecision> row243 = picker(review, 240);
        assertThat(row243.getId()).contains("import-decision-243");
        assertThat(row243.getValue()).as("a row past the 200th follows the choice for the rest")
                .isEqualTo(DuplicateDecision.IMPORT);
        row243.setValue(DuplicateDecision.SKIP);

        _click(_get(Button.class, spec -> spec.withId("import-start")));
        awaitUi(() -> {
            ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
            return !_find(Paragraph.class, spec -> spec.withId("import-result")).isEmpty();
        });
        assertThat(_get(Paragraph.class, spec -> spec.withId("import-result")).getText())
                .isEqualTo("导入完成：新建 249 条，更新 0 条，无变化 0 条，有问题 0 行。");
        List<String> names = records.query(manager, RecordQuery.of("customer").where(RecordQuery.Filter.of("email",
                RecordQuery.Operator.EQUALS, email)).limit(1000)).stream().map(r -> (String) r.get("name")).toList();
        assertThat(names).hasSize(249).doesNotContain("批量客户" + tag + "-6", "批量客户" + tag + "-241")
                .contains("批量客户" + tag + "-0", "批量客户" + tag + "-250");
    }

    @Test
    void aChineseUserReadsFileErrorsAndJobMessagesWithoutEnglish() throws Exception {
        KaribuSession.signIn(context, accounts, "manager");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        // an .xls that is not one: the OLE2 signature, then nothing a workbook holds
        byte[] bogus = new byte[1024];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, bogus, 0, 8);
        var unreadable = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.kehu.platform.imports.read.UnreadableFileException.class,
                () -> imports.keep(new ByteArrayInputStream(bogus), "旧表格.xls"));
        assertThat(unreadable).as("a broken .xls is refused with a message key").isNotNull();
        Span page = new Span();
        UI.getCurrent().add(page);
        String said = page.getTranslation("imports.upload.failed", page.getTranslation(unreadable.key(),
                unreadable.args()));
        assertThat(said).startsWith("无法读取这个文件：这不是可以读取的 Excel 文件");
        assertThat(said.replace("CSV", "").replace("Excel", "")).as("no English but the formats' names")
                .doesNotContainPattern("[A-Za-z]{2,}");

        Actor manager = Actor.of(accounts.findByUsername("manager").orElseThrow());
        ImportSource source = imports.keep(new ByteArrayInputStream(("客户名称,电话\n消息客户,\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "消息.csv");
        ImportMapping mapping = imports.proposeMapping(forms.published("customer").orElseThrow(),
                imports.headers(source), manager);
        long stopped = imports.runNow(manager, new ImportSettings("customer", source, mapping, ImportMode.CREATE,
                false));
        long legacy = imports.runNow(manager, new ImportSettings("customer", source, mapping, ImportMode.CREATE,
                true));
        jobs.status(legacy, "CANCELLED", "已取消，未导入任何记录 / cancelled; nothing was imported");
        long cancelled = imports.runNow(manager, new ImportSettings("customer", source, mapping, ImportMode.CREATE,
                true));
        jobs.status(cancelled, "CANCELLED", JobMessage.of("imports.job.cancelledKept").stored());

        UI.getCurrent().navigate("imports");
        @SuppressWarnings("unchecked")
        Grid<ImportJob> grid = _get(Grid.class, spec -> spec.withId("imports-grid"));
        java.util.Map<Long, String> notes = new java.util.HashMap<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            notes.put(GridKt._get(grid, i).id(), GridKt._getFormatted(grid, i, "message"));
        }
        assertThat(notes.get(stopped)).isEqualTo("第 2 行有问题，按“全部或都不”的设置，没有导入任何记录。");
        assertThat(notes.get(legacy)).as("an older job's two-language text").isEqualTo("已取消，未导入任何记录");
        assertThat(notes.get(cancelled)).isEqualTo("已取消，取消前已提交的行保留");
        assertThat(List.of(notes.get(stopped), notes.get(legacy), notes.get(cancelled)))
                .allSatisfy(n -> assertThat(n).doesNotContainPattern("[A-Za-z]{2,}"));

        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("imports");
        @SuppressWarnings("unchecked")
        Grid<ImportJob> english = _get(Grid.class, spec -> spec.withId("imports-grid"));
        for (int i = 0; i < GridKt._size(english); i++) {
            if (GridKt._get(english, i).id() == legacy) {
                assertThat(GridKt._getFormatted(english, i, "message")).isEqualTo("cancelled; nothing was imported");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Select<DuplicateDecision> picker(Grid<ImportDuplicate> review, int index) {
        return (Select<DuplicateDecision>) GridKt._getCellComponent(review, index, "decision");
    }

    /** Lets background work reach the page (its ui.access calls) until {@code done}, for at most a minute. */
    private static void awaitUi(BooleanSupplier done) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            MockVaadin.clientRoundtrip(false);
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the page did not get there in a minute");
    }
}
