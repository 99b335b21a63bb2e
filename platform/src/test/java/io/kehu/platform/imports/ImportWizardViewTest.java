package io.kehu.platform.imports;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
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
