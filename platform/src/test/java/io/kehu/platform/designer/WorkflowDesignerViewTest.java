package io.kehu.platform.designer;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.workflow.WorkflowVersion;
import io.kehu.platform.workflow.WorkflowVersions;
import io.kehu.platform.workflow.Workflows;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Karibu tests of the workflow editor in Chinese: editing a state's name and adding a transition update the JSON and
 * the diagram at once, problems show in Chinese at their row, and publishing a renamed state with a record in it asks
 * for the mapping, then moves the record.
 */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=designer")
class WorkflowDesignerViewTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;
    @Autowired
    WorkflowVersions versions;
    @Autowired
    Workflows workflows;
    @Autowired
    Records records;

    String form;
    String workflow;
    Actor admin;

    @BeforeEach
    void ownWorkflow() {
        admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        int n = SEQUENCE.incrementAndGet();
        form = "wfd_" + n;
        workflow = "wfd_flow_" + n;
        FieldDefinition status = FieldDefinition.builder("status", FieldType.SELECT)
                .label(LocalizedText.of("状态", "Status"))
                .options(List.of(new FieldOption("new", LocalizedText.of("新建", "New")),
                        new FieldOption("doing", LocalizedText.of("处理中", "Doing")),
                        new FieldOption("done", LocalizedText.of("已完成", "Done"))))
                .defaultValue("new").build();
        FieldDefinition title = FieldDefinition.builder("title", FieldType.TEXT)
                .label(LocalizedText.of("标题", "Title")).build();
        publisher.publish(new FormDefinition(form, LocalizedText.of("编辑器测试", "Editor test"), null, null, 0, "title",
                null, List.of(title, status), List.of(), List.of(), null), "test", "editor test form");
        versions.publish(admin, """
                {
                  "id": "%s", "label": {"zh": "编辑器测试流程", "en": "Editor test flow"},
                  "form": "%s", "statusField": "status",
                  "states": [
                    {"id": "new", "label": {"zh": "新建", "en": "New"}, "color": "blue", "initial": true},
                    {"id": "doing", "label": {"zh": "处理中", "en": "Doing"}, "color": "orange"},
                    {"id": "done", "label": {"zh": "已完成", "en": "Done"}, "color": "green", "final": true}
                  ],
                  "transitions": [
                    {"id": "start", "from": ["new"], "to": "doing", "label": {"zh": "开始", "en": "Start"}},
                    {"id": "finish", "from": ["doing"], "to": "done", "label": {"zh": "完成", "en": "Finish"}}
                  ]
                }
                """.formatted(workflow, form), Map.of(), "第一版");
        KaribuSession.signIn(context, accounts, "admin");
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void tearDown() {
        KaribuSession.signOut();
    }

    private WorkflowDesignerView open() {
        UI.getCurrent().navigate("admin/workflows/" + workflow);
        return _get(WorkflowDesignerView.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static String diagram() {
        return _get(_get(Div.class, spec -> spec.withId("wf-diagram")), Html.class).getInnerHtml();
    }

    @Test
    void editingALabelAndAddingATransitionUpdateTheJsonAndTheDiagram() {
        WorkflowDesignerView view = open();
        assertThat(_get(H2.class).getText()).isEqualTo("流程编辑器：编辑器测试流程");
        assertThat(diagram()).contains("处理中", "开始", "完成");

        TextField doingZh = (TextField) GridKt._getCellComponent(grid("wf-states"), 1, "zh");
        _setValue(doingZh, "进行中");
        assertThat(view.currentJson()).contains("\"zh\" : \"进行中\"");
        assertThat(diagram()).contains("进行中").doesNotContain("处理中");

        _click(_get(Button.class, spec -> spec.withId("wf-transition-add")));
        assertThat(grid("wf-transitions").getGenericDataView().getItems().count()).isEqualTo(3);
        TextField added = (TextField) GridKt._getCellComponent(grid("wf-transitions"), 2, "zh");
        _setValue(added, "直接关闭");
        // A new transition goes from the first state to the last one: 新建 → 已完成.
        assertThat(diagram()).contains("直接关闭");
        assertThat(view.problems()).isEmpty();

        // Unchecking the only initial state is a problem, shown in Chinese.
        _setValue((Checkbox) GridKt._getCellComponent(grid("wf-states"), 0, "initial"), false);
        assertThat(view.problems()).extracting(p -> p.jsonPath()).contains("$.states");
        // In Chinese, after the JSON path (for experts).
        assertThat(_get(Div.class, spec -> spec.withId("wf-problems")).getText()).startsWith("发布前需修正")
                .contains("$.states：必须恰好有一个初始状态（现有 0 个）");
        _setValue((Checkbox) GridKt._getCellComponent(grid("wf-states"), 0, "initial"), true);
        assertThat(view.problems()).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("wf-publish")));
        _click(_get(Button.class, spec -> spec.withId("wf-publish-confirm")));
        assertThat(versions.published(workflow)).map(WorkflowVersion::number).contains(2);
        assertThat(versions.published(workflow).orElseThrow().json()).contains("进行中", "直接关闭");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGuardTestAsksTheRuntimeWhetherAUserMayTakeATransitionOnARealRecord() {
        Record created = records.create(admin, form, Map.of("title", "试算记录"));
        open();
        _click(_get(Button.class, spec -> spec.withId("wf-guard-open")));
        _setValue(_get(Select.class, spec -> spec.withId("wf-guard-transition")), "finish");
        _setValue(_get(IntegerField.class, spec -> spec.withId("wf-guard-record")), (int) created.id());
        _setValue(_get(ComboBox.class, spec -> spec.withId("wf-guard-user")),
                accounts.findByUsername("manager").orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("wf-guard-run")));
        // The record is 新建: 完成 leaves only from 处理中 — the runtime's own refusal, in Chinese.
        assertThat(_get(Div.class, spec -> spec.withId("wf-guard-result")).getText()).startsWith("✘ ")
                .contains("新建").contains("完成");

        _setValue(_get(Select.class, spec -> spec.withId("wf-guard-transition")), "start");
        _click(_get(Button.class, spec -> spec.withId("wf-guard-run")));
        assertThat(_get(Div.class, spec -> spec.withId("wf-guard-result")).getText())
                .isEqualTo("✔ 允许：该用户现在可以执行“开始”");
        // Only a test: the record did not move.
        assertThat(records.get(admin, form, created.id()).orElseThrow().get("status")).isEqualTo("new");
    }

    @Test
    void publishingARenamedStateWithRecordsAsksWhereTheyGo() {
        Record created = records.create(admin, form, Map.of("title", "在途记录"));
        Record doing = workflows.transition(admin, form, created.id(), "start", null, created.rowVersion());
        WorkflowDesignerView view = open();
        _setValue((TextField) GridKt._getCellComponent(grid("wf-states"), 1, "id"), "working");
        // The transitions follow the renamed state.
        assertThat(view.currentJson()).contains("\"to\" : \"working\"").doesNotContain("\"doing\"");
        assertThat(view.problems()).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("wf-publish")));
        WorkflowPublishDialog dialog = _get(WorkflowPublishDialog.class);
        Anchor link = (Anchor) GridKt._getCellComponent(grid("wf-publish-inflight"), 0, "records");
        assertThat(link.getText()).isEqualTo("1 条记录");
        assertThat(link.getHref()).startsWith("forms/" + form + "?filters=");
        _click(_get(Button.class, spec -> spec.withId("wf-publish-confirm")));
        assertThat(_get(Div.class, spec -> spec.withId("wf-publish-error")).getText())
                .startsWith("新版本中已没有以下状态，但仍有记录处于其中：“处理中”1 条");
        assertThat(versions.published(workflow)).map(WorkflowVersion::number).contains(1);

        dialog.map("doing", "working");
        _click(_get(Button.class, spec -> spec.withId("wf-publish-confirm")));
        assertThat(versions.published(workflow)).map(WorkflowVersion::number).contains(2);
        assertThat(records.get(admin, form, doing.id()).orElseThrow().get("status")).isEqualTo("working");
    }
}
