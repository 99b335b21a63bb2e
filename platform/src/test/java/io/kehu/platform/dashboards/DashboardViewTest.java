package io.kehu.platform.dashboards;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.dom.DomEvent;
import io.kehu.platform.charts.ChartView;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.metrics.MetricDefinition.Grain;
import io.kehu.platform.metrics.MetricRequest;
import io.kehu.platform.metrics.Metrics;
import io.kehu.platform.metrics.Period;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.workspace.WorkspaceFixture;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Karibu tests of the dashboard screen: figures, drill-through to the same count, roles, languages. */
@io.kehu.platform.support.KehuTest
@TestPropertySource(properties = "kehu.test.context=workspace")
class DashboardViewTest {

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
    Metrics metrics;

    WorkspaceFixture fixture;
    Actor rep;
    Actor manager;

    @BeforeEach
    void data() {
        fixture = new WorkspaceFixture(records, accounts, catalog, publisher);
        rep = fixture.user("赵敏", Role.STAFF);
        manager = fixture.user("孙经理", Role.MANAGER);
        long customer = fixture.customer(rep, "杭州" + WorkspaceFixture.token() + "贸易").id();
        fixture.complaint(rep, customer, WorkspaceFixture.daysAgo(0), "交货延迟", "resolved");
        fixture.complaint(rep, customer, WorkspaceFixture.daysAgo(0), "包装破损", "new");
        fixture.purchase(rep, customer, LocalDate.now(), "传感器", "1200.00");
    }

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    private void signIn(Actor actor, Locale locale) {
        KaribuSession.signIn(context, accounts, actor.username());
        UI.getCurrent().setLocale(locale);
    }

    /** Navigates to a link with a query string, as the browser would. */
    private static void open(String href) {
        int q = href.indexOf('?');
        UI.getCurrent().navigate(q < 0 ? href : href.substring(0, q), q < 0
                ? com.vaadin.flow.router.QueryParameters.empty()
                : com.vaadin.flow.router.QueryParameters.fromString(href.substring(q + 1)));
    }

    private static String text(String id) {
        Component c = _get(Component.class, spec -> spec.withId(id));
        return c.getElement().getText().isEmpty() ? c.getElement().getTextRecursively() : c.getElement().getText();
    }

    @Test
    void aManagersNumberCardOpensTheListOfExactlyTheRecordsItCounts() {
        signIn(manager, Locale.ENGLISH);
        open("dashboards?period=this_month");
        assertThat(_get(H2.class, spec -> spec.withId("dashboard-title")).getText())
                .isEqualTo("Service and sales overview");
        // widget 2 is the complaint count card: the same figure the metric gives for this month
        Period month = Period.of(LocalDate.now(ZoneId.systemDefault()), Grain.MONTH);
        long expected = metrics.compute(manager, new MetricRequest(metrics.definition("complaint_count")
                .orElseThrow(), List.of(month), false), ZoneId.systemDefault()).value(0).value().longValueExact();
        assertThat(expected).isGreaterThanOrEqualTo(2);
        Anchor value = _get(Anchor.class, spec -> spec.withId("widget-2-value"));
        assertThat(value.getText()).isEqualTo(String.valueOf(expected));
        assertThat(text("widget-2-change")).contains("vs previous period");
        // the resolution rate card shows its n, and that there are too few complaints only when there are
        assertThat(_get(Anchor.class, spec -> spec.withId("widget-3-n")).getText()).isEqualTo("n = " + expected);
        // per-staff table: the rep's row names them, never their id
        assertThat(text("widget-11-table")).contains("赵敏").doesNotContain(String.valueOf(rep.userId()) + " ");

        open(value.getHref());
        assertThat(_get(Span.class, spec -> spec.withId("list-count")).getText())
                .isEqualTo(expected + " in total");
    }

    @Test
    void clickingABarOpensItsRecordsAndTheStaffSeeNoDashboardLink() {
        signIn(manager, Locale.ENGLISH);
        open("dashboards/customer_base?period=this_month");
        assertThat(_get(Select.class, spec -> spec.withId("dashboard-period")).getValue()).hasToString("THIS_MONTH");
        ChartView lifecycle = _get(ChartView.class, spec -> spec.withId("widget-4-chart"));
        assertThat(lifecycle.spec().labels()).doesNotContain("active", "potential").isNotEmpty();
        Anchor firstBar = _get(Anchor.class, spec -> spec.withId("widget-4-point-0-0"));
        String figure = firstBar.getText().replaceAll(".*: ", "");
        var detail = JsonMapper.builder().build().createObjectNode();
        detail.put("event.detail.series", 0);
        detail.put("event.detail.index", 0);
        lifecycle.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new DomEvent(lifecycle.getElement(), "kehu-chart-click", detail));
        MockVaadin.clientRoundtrip(false);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("forms/customer");
        assertThat(_get(Span.class, spec -> spec.withId("list-count")).getText()).isEqualTo(figure + " in total");

        KaribuSession.signOut();
        signIn(rep, Locale.ENGLISH);
        UI.getCurrent().navigate("dashboards");
        assertThat(_get(Paragraph.class, spec -> spec.withId("dashboards-none")).getText())
                .contains("no dashboard for your role");
        assertThat(_find(SideNavItem.class)).noneMatch(i -> "dashboards".equals(i.getPath()));
    }

    @Test
    void globalFiltersNarrowEveryWidgetAndTravelWithTheDrillThrough() {
        signIn(manager, Locale.SIMPLIFIED_CHINESE);
        open("dashboards?period=this_month&owner=" + rep.userId());
        @SuppressWarnings("unchecked")
        ComboBox<UserAccount> owner = _get(ComboBox.class, spec -> spec.withId("dashboard-owner"));
        assertThat(owner.getLabel()).isEqualTo("负责人");
        assertThat(owner.getValue().displayName()).isEqualTo("赵敏");
        // the complaint count card counts the rep's two complaints only, and its list says the same
        Anchor value = _get(Anchor.class, spec -> spec.withId("widget-2-value"));
        assertThat(value.getText()).isEqualTo("2");
        open(value.getHref());
        assertThat(_get(Span.class, spec -> spec.withId("list-count")).getText()).isEqualTo("共 2 条");
        // purchases have no owner of their own: the owner filter reaches them through their customer's account manager
        Actor other = fixture.user("钱多", Role.STAFF);
        fixture.purchase(other, fixture.customer(other, "苏州" + WorkspaceFixture.token() + "电子").id(),
                LocalDate.now(), "阀门", "99.00");
        open("dashboards?period=this_month&owner=" + rep.userId());
        Anchor revenue = _get(Anchor.class, spec -> spec.withId("widget-1-value"));
        assertThat(revenue.getText()).contains("1,200");
        open(revenue.getHref());
        assertThat(_get(Span.class, spec -> spec.withId("list-count")).getText()).isEqualTo("共 1 条");
        assertThat(text("filter-customer.account_manager")).contains("客户 · 客户经理");

        open("dashboards/customer_base?period=this_month&owner=" + rep.userId());
        // the rep has one customer: one bar of one
        ChartView lifecycle = _get(ChartView.class, spec -> spec.withId("widget-4-chart"));
        assertThat(lifecycle.spec().series().get(0).values()).singleElement()
                .satisfies(v -> assertThat(v.longValue()).isEqualTo(1));
        @SuppressWarnings("unchecked")
        Select<String> region = _get(Select.class, spec -> spec.withId("dashboard-region"));
        assertThat(region.getLabel()).isEqualTo("区域");
        region.setValue("east_china");
        MockVaadin.clientRoundtrip(false);
        var location = UI.getCurrent().getInternals().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("dashboards/customer_base");
        assertThat(location.getQueryParameters().getParameters()).containsEntry("region", List.of("east_china"))
                .containsEntry("owner", List.of(String.valueOf(rep.userId())))
                .containsEntry("period", List.of("this_month"));
        // the rep's only customer has no region: no bar is left
        assertThat(_get(Span.class, spec -> spec.withId("widget-4-empty")).getText()).isEqualTo("此期间没有记录。");
        assertThat(_find(ChartView.class, spec -> spec.withId("widget-4-chart"))).isEmpty();
    }

    @Test
    void theLifecycleFunnelShowsEveryStageInOrderAndEachOpensItsCustomers() {
        signIn(manager, Locale.SIMPLIFIED_CHINESE);
        open("dashboards/customer_base?period=this_month&owner=" + rep.userId());
        ChartView funnel = _get(ChartView.class, spec -> spec.withId("widget-7-chart"));
        assertThat(funnel.spec().labels()).containsExactly("潜在", "新客户", "活跃", "有流失风险", "已流失");
        assertThat(funnel.config()).contains("\"indexAxis\":\"y\"");
        // the rep's one customer is a potential one; the empty stages are there, as 0
        assertThat(funnel.spec().series().get(0).values()).extracting(Number::longValue)
                .containsExactly(1L, 0L, 0L, 0L, 0L);
        assertThat(_get(Anchor.class, spec -> spec.withId("widget-7-point-0-2")).getText()).isEqualTo("活跃: 0");
        // the chart can be saved as a picture and its data as a spreadsheet; a number card only as data
        assertThat(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("widget-7-png")).getText())
                .isEqualTo("下载图片");
        assertThat(_get(Anchor.class, spec -> spec.withId("widget-7-xlsx")).getText()).isEqualTo("导出数据表");
        assertThat(_find(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("widget-0-png")))
                .isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withId("widget-0-xlsx")).getHref()).isNotBlank();
        var detail = JsonMapper.builder().build().createObjectNode();
        detail.put("event.detail.series", 0);
        detail.put("event.detail.index", 0);
        funnel.getElement().getNode().getFeature(com.vaadin.flow.internal.nodefeature.ElementListenerMap.class)
                .fireEvent(new DomEvent(funnel.getElement(), "kehu-chart-click", detail));
        MockVaadin.clientRoundtrip(false);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("forms/customer");
        assertThat(_get(Span.class, spec -> spec.withId("list-count")).getText()).isEqualTo("共 1 条");
    }

    @Test
    void inChineseEverythingIsChinese() {
        signIn(manager, Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("dashboards");
        assertThat(_get(H2.class, spec -> spec.withId("dashboard-title")).getText()).isEqualTo("服务与销售概览");
        assertThat(_get(Select.class, spec -> spec.withId("dashboard-period")).getLabel()).isEqualTo("期间");
        assertThat(text("widget-2-change")).contains("较上期").doesNotContainPattern("[A-Za-z]{3,}");
        assertThat(text("widget-4-target-state")).isIn("达标", "未达标");
        assertThat(_find(SideNavItem.class)).anyMatch(i -> "dashboards".equals(i.getPath())
                && "仪表盘".equals(i.getLabel()));
    }
}
