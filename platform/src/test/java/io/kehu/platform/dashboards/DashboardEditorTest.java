package io.kehu.platform.dashboards;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dnd.DragEndEvent;
import com.vaadin.flow.component.dnd.DragStartEvent;
import com.vaadin.flow.component.dnd.DropEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.charts.ChartView;
import io.kehu.platform.dashboards.DashboardDefinition.Chart;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.workspace.WorkspaceFixture;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** Karibu tests of the dashboard editor: build a dashboard from metrics, order it, store it, share it or not. */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=workspace")
class DashboardEditorTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Records records;
    @Autowired
    FormCatalog catalog;
    @Autowired
    FormPublisher publisher;
    @Autowired
    Dashboards dashboards;

    Actor manager;
    Actor otherManager;

    @BeforeEach
    void users() {
        WorkspaceFixture fixture = new WorkspaceFixture(records, accounts, catalog, publisher);
        manager = fixture.user("孙经理", Role.MANAGER);
        otherManager = fixture.user("周经理", Role.MANAGER);
    }

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    @SuppressWarnings("unchecked")
    private void addWidget(String metricId, Chart chart, boolean wide) {
        ComboBox<MetricDefinition> metric = _get(ComboBox.class, spec -> spec.withId("editor-metric"));
        metric.setValue(metric.getListDataView().getItems().filter(m -> m.id().equals(metricId)).findFirst()
                .orElseThrow());
        ((Select<Chart>) _get(Select.class, spec -> spec.withId("editor-chart"))).setValue(chart);
        _get(Checkbox.class, spec -> spec.withId("editor-wide")).setValue(wide);
        _click(_get(Button.class, spec -> spec.withId("editor-add")));
    }

    @Test
    void aManagerBuildsOrdersAndSavesAPersonalDashboardThatOnlyTheySee() {
        KaribuSession.signIn(context, accounts, manager.username());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("dashboard-editor");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("editor-name")).getErrorMessage())
                .isEqualTo("请为仪表盘命名。");
        _get(TextField.class, spec -> spec.withId("editor-name")).setValue("我的投诉看板");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));
        assertThat(_get(Paragraph.class, spec -> spec.withId("editor-widgets-required")).getText())
                .contains("至少添加一个图表");

        addWidget("complaint_count", Chart.NUMBER, false);
        addWidget("purchase_revenue", Chart.LINE, true);
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-1")).getText())
                .isEqualTo("2. 购买金额 · 折线图 · 整行宽度 · 标准高度");
        _click(_get(Button.class, spec -> spec.withId("editor-widget-1-up")));
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-0")).getText()).startsWith("1. 购买金额");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));

        assertThat(_get(H2.class, spec -> spec.withId("dashboard-title")).getText()).isEqualTo("我的投诉看板");
        assertThat(_get(ChartView.class, spec -> spec.withId("widget-0-chart")).spec().kind())
                .hasToString("LINE");
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("widget-1-value"))
                .getHref()).startsWith("forms/feedback?filters=");
        String id = UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("dashboards/", "");
        assertThat(dashboards.visible(manager, id)).get().extracting(DashboardDefinition::widgets)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(2);
        assertThat(dashboards.visible(otherManager, id)).isEmpty();
    }

    /** Drags row {@code from} onto row {@code to} as the browser's drag and drop would tell the server. */
    private static void drag(int from, int to) {
        var source = _get(HorizontalLayout.class, spec -> spec.withId("editor-row-" + from));
        var target = _get(HorizontalLayout.class, spec -> spec.withId("editor-row-" + to));
        ComponentUtil.fireEvent(source, new DragStartEvent<>(source, true));
        ComponentUtil.fireEvent(target, new DropEvent<>(target, true, "move"));
        ComponentUtil.fireEvent(source, new DragEndEvent<>(source, true, "move"));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void widgetsAreArrangedByDragAndDropAndResizedWithTheSelectsAsAFallback() {
        KaribuSession.signIn(context, accounts, manager.username());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("dashboard-editor");
        _get(TextField.class, spec -> spec.withId("editor-name")).setValue("拖放排列");
        addWidget("complaint_count", Chart.NUMBER, false);
        addWidget("purchase_revenue", Chart.LINE, false);
        addWidget("customers_by_lifecycle", Chart.FUNNEL, true);
        assertThat(_get(Paragraph.class, spec -> spec.withId("editor-drag-hint")).getText())
                .isEqualTo("拖动一行放到另一行上即可调整顺序；也可以使用每行的按钮。");

        drag(2, 0); // the funnel to the top
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-0")).getText())
                .isEqualTo("1. 客户生命周期阶段 · 漏斗图 · 整行宽度 · 标准高度");
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-1")).getText()).startsWith("2. 投诉数");
        drag(1, 2);
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-2")).getText()).startsWith("3. 投诉数");
        drag(1, 1); // onto itself: nothing moves
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-1")).getText()).startsWith("2. 购买金额");

        // the keyboard's and phone's way: the width and height selects on the row
        Select<Integer> width = _get(Select.class, spec -> spec.withId("editor-widget-1-columns"));
        assertThat(width.getAriaLabel()).hasValue("宽度");
        assertThat(width.getListDataView().getItems().map(width.getItemLabelGenerator()).toList())
                .containsExactly("1 列宽", "2 列宽", "3 列宽", "整行宽度");
        _setValue(width, 4);
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-1")).getText()).endsWith("· 整行宽度 · 标准高度");
        _setValue(_get(Select.class, spec -> spec.withId("editor-widget-0-columns")), 2);
        _setValue(_get(Select.class, spec -> spec.withId("editor-widget-0-height")), 3);
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-0")).getText()).endsWith("· 2 列宽 · 高");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));

        String id = UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("dashboards/", "");
        DashboardDefinition saved = dashboards.visible(manager, id).orElseThrow();
        assertThat(saved.widgets()).extracting(DashboardDefinition.Widget::chart)
                .containsExactly(Chart.FUNNEL, Chart.LINE, Chart.NUMBER);
        assertThat(saved.widgets()).extracting(DashboardDefinition.Widget::columns).containsExactly(2, 4, 1);
        assertThat(saved.widgets()).extracting(DashboardDefinition.Widget::height).containsExactly(3, 2, 2);
        // the dashboard draws them so: the funnel over two columns, tall
        Div funnel = _get(Div.class, spec -> spec.withId("widget-0"));
        assertThat(funnel.getClassNames()).contains("kehu-span-2");
        assertThat(_get(ChartView.class, spec -> spec.withId("widget-0-chart")).getHeight()).isEqualTo("420px");
        assertThat(_get(Div.class, spec -> spec.withId("widget-1")).getClassNames()).contains("kehu-span-4");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWidgetGetsATitleOfItsOwnAndATableTheMetricsChosenInTheEditor() {
        KaribuSession.signIn(context, accounts, manager.username());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("dashboard-editor");
        _get(TextField.class, spec -> spec.withId("editor-name")).setValue("员工对比");
        addWidget("complaint_count", Chart.TABLE, true);
        addWidget("purchase_revenue", Chart.NUMBER, false);
        // a number card has no metric list; a table chooses its metrics
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withId("editor-widget-1-metrics"))).isEmpty();
        var tableMetrics = (com.vaadin.flow.component.combobox.MultiSelectComboBox<String>) _get(
                com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withId("editor-widget-0-metrics"));
        assertThat(tableMetrics.getValue()).containsExactly("complaint_count");
        _setValue(tableMetrics, new java.util.LinkedHashSet<>(java.util.List.of("complaint_count",
                "complaint_resolution_rate")));
        // emptied, it says what to do and keeps the metrics it had
        var again = (com.vaadin.flow.component.combobox.MultiSelectComboBox<String>) _get(
                com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withId("editor-widget-0-metrics"));
        _setValue(again, java.util.Set.of());
        assertThat(again.isInvalid()).isTrue();
        assertThat(again.getErrorMessage()).isEqualTo("请选择要显示的指标。");
        _setValue(_get(TextField.class, spec -> spec.withId("editor-widget-0-label")), "  各处理人投诉情况 ");
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-0")).getText())
                .startsWith("1. 各处理人投诉情况 · 表格");
        _setValue(_get(TextField.class, spec -> spec.withId("editor-widget-1-label")), "本期收入");
        _setValue(_get(TextField.class, spec -> spec.withId("editor-widget-1-label")), "");
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-1")).getText()).startsWith("2. 购买金额");
        _click(_get(Button.class, spec -> spec.withId("editor-save")));

        String id = UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("dashboards/", "");
        DashboardDefinition saved = dashboards.visible(manager, id).orElseThrow();
        assertThat(saved.widgets().get(0).metrics()).containsExactly("complaint_count", "complaint_resolution_rate");
        assertThat(saved.widgets().get(0).label().zh()).isEqualTo("各处理人投诉情况");
        assertThat(saved.widgets().get(1).label()).isNull();
        // drawn with its title and a column per metric
        assertThat(_get(Div.class, spec -> spec.withId("widget-0")).getElement().getTextRecursively())
                .startsWith("各处理人投诉情况").contains("投诉数").contains("投诉解决率");
        // and opened in the editor again, the row shows both
        UI.getCurrent().navigate("dashboard-editor/" + id);
        assertThat(_get(TextField.class, spec -> spec.withId("editor-widget-0-label")).getValue())
                .isEqualTo("各处理人投诉情况");
        assertThat(((com.vaadin.flow.component.combobox.MultiSelectComboBox<String>) _get(
                com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withId("editor-widget-0-metrics"))).getValue())
                .containsExactlyInAnyOrder("complaint_count", "complaint_resolution_rate");
    }

    @Test
    void theOwnerResizesAWidgetOnTheDashboardItselfAndOthersGetNoHandle() {
        KaribuSession.signIn(context, accounts, manager.username());
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("dashboard-editor");
        _get(TextField.class, spec -> spec.withId("editor-name")).setValue("就地调整");
        addWidget("complaint_count", Chart.NUMBER, false);
        addWidget("purchase_revenue", Chart.LINE, false);
        _click(_get(Button.class, spec -> spec.withId("editor-save")));
        String id = UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("dashboards/", "");
        Div handle = _get(Div.class, spec -> spec.withId("widget-1-resize"));
        assertThat(handle.getElement().getAttribute("aria-label")).isEqualTo("调整“购买金额”的大小：当前 1 列宽 · 标准高度");
        fire(handle, 3, 3);
        DashboardDefinition saved = dashboards.visible(manager, id).orElseThrow();
        assertThat(saved.widgets().get(1).columns()).isEqualTo(3);
        assertThat(saved.widgets().get(1).height()).isEqualTo(3);
        assertThat(saved.widgets().get(0).columns()).isEqualTo(1);
        // drawn again at once in the new size
        assertThat(_get(Div.class, spec -> spec.withId("widget-1")).getClassNames()).contains("kehu-span-3");
        assertThat(_get(ChartView.class, spec -> spec.withId("widget-1-chart")).getHeight()).isEqualTo("420px");
        // a size out of range changes nothing
        fire(_get(Div.class, spec -> spec.withId("widget-1-resize")), 9, 3);
        assertThat(dashboards.visible(manager, id).orElseThrow().widgets().get(1).columns()).isEqualTo(3);
        // a shipped dashboard, or another manager's, is not resized in place
        UI.getCurrent().navigate("dashboards/service_overview");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Div.class,
                spec -> spec.withId("widget-0-resize"))).isEmpty();
    }

    private static void fire(Div handle, int columns, int height) {
        var detail = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        detail.put("event.detail.columns", columns);
        detail.put("event.detail.height", height);
        handle.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new com.vaadin.flow.dom.DomEvent(handle.getElement(), "kehu-resize", detail));
    }

    /** Tells the server what the preview's resize handle tells it when a drag ends or an arrow key is pressed. */
    private static void resizeByHandle(int at, int columns, int height) {
        Div handle = _get(Div.class, spec -> spec.withId("editor-preview-" + at + "-handle"));
        var detail = tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
        detail.put("event.detail.columns", columns);
        detail.put("event.detail.height", height);
        handle.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new com.vaadin.flow.dom.DomEvent(handle.getElement(), "kehu-resize", detail));
    }

    @Test
    void aWidgetIsResizedByDraggingTheCornerOfItsBoxAndTheSizeIsKept() {
        KaribuSession.signIn(context, accounts, manager.username());
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("dashboard-editor");
        _get(TextField.class, spec -> spec.withId("editor-name")).setValue("Resized");
        addWidget("purchase_revenue", Chart.LINE, false);
        addWidget("complaint_count", Chart.NUMBER, false);
        Div box = _get(Div.class, spec -> spec.withId("editor-preview-0"));
        assertThat(box.getClassNames()).contains("kehu-span-1");
        Div handle = _get(Div.class, spec -> spec.withId("editor-preview-0-handle"));
        assertThat(handle.getElement().getAttribute("tabindex")).isEqualTo("0");
        assertThat(handle.getElement().getAttribute("aria-label")).isEqualTo("Resize \"Revenue\": now 1 column · standard height");

        resizeByHandle(0, 3, 1);
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-0")).getText())
                .isEqualTo("1. Revenue · Line chart · 3 columns · short");
        assertThat(_get(Div.class, spec -> spec.withId("editor-preview-0")).getClassNames()).contains("kehu-span-3");
        assertThat(_get(Div.class, spec -> spec.withId("editor-preview-0-handle")).getElement()
                .getAttribute("data-columns")).isEqualTo("3");
        // a forged size out of range changes nothing
        resizeByHandle(1, 9, 0);
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-1")).getText()).endsWith("· 1 column · standard height");

        _click(_get(Button.class, spec -> spec.withId("editor-save")));
        String id = UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("dashboards/", "");
        assertThat(dashboards.visible(manager, id).orElseThrow().widgets().get(0))
                .extracting(DashboardDefinition.Widget::columns, DashboardDefinition.Widget::height)
                .containsExactly(3, 1);
        assertThat(_get(ChartView.class, spec -> spec.withId("widget-0-chart")).getHeight()).isEqualTo("180px");
        // opened again in the editor, the widget keeps its size
        UI.getCurrent().navigate("dashboard-editor/" + id);
        assertThat(_get(Span.class, spec -> spec.withId("editor-widget-0")).getText()).endsWith("· 3 columns · short");
    }
}
