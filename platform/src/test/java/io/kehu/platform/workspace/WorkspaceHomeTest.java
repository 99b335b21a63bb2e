package io.kehu.platform.workspace;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.platform.charts.ChartView;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.workspace.ui.WorkspaceBoard;
import io.kehu.sdk.ui.ChartSpec;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** Karibu tests of the workspace home: counts, empty states, and that everyone sees only what they may. */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=workspace")
class WorkspaceHomeTest {

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

    WorkspaceFixture fixture;

    @BeforeEach
    void forms() {
        fixture = new WorkspaceFixture(records, accounts, catalog, publisher);
    }

    @AfterEach
    void signOut() {
        KaribuSession.signOut();
    }

    @Test
    void aSalesRepSeesTheirCountsFollowUpsComplaintsAndRecentActivityWithNamesNeverIds() {
        Actor rep = fixture.user("赵敏", Role.STAFF);
        Actor colleague = fixture.user("钱多", Role.STAFF);
        String t = WorkspaceFixture.token();
        Record mine = fixture.customer(rep, "杭州" + t + "贸易");
        Record other = fixture.customer(rep, "宁波" + t + "机械");
        Record theirs = fixture.customer(colleague, "苏州" + t + "电子");
        LocalDate today = LocalDate.now();
        fixture.interaction(rep, mine.id(), WorkspaceFixture.daysAgo(2), "报价沟通", today);
        Record overdue = fixture.interaction(rep, other.id(), WorkspaceFixture.daysAgo(10), "样品寄出",
                today.minusDays(3));
        // followed up since: a later interaction with the same customer settles it
        Record old = fixture.interaction(rep, mine.id(), WorkspaceFixture.daysAgo(20), "初次拜访",
                today.minusDays(15));
        fixture.interaction(colleague, theirs.id(), WorkspaceFixture.daysAgo(1), "同事的客户", today);
        fixture.complaint(rep, mine.id(), WorkspaceFixture.daysAgo(1), "交货延迟", "in_progress");
        fixture.complaint(rep, mine.id(), WorkspaceFixture.daysAgo(5), "包装破损", "resolved");
        fixture.complaint(colleague, theirs.id(), WorkspaceFixture.daysAgo(1), "同事的投诉", "new");
        fixture.purchase(rep, other.id(), today.minusDays(1), "工业传感器", "1200.00");

        signIn(rep, Locale.ENGLISH);
        WorkspaceData data = _get(WorkspaceBoard.class).data();

        assertThat(data.myCustomers()).isEqualTo(2);
        assertThat(data.onlyOwn()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("box-customers-count")).getText()).isEqualTo("2");
        assertThat(data.dueToday()).extracting(WorkspaceData.FollowUp::customerName)
                .containsExactly("杭州" + t + "贸易");
        assertThat(data.overdue()).extracting(WorkspaceData.FollowUp::interactionId)
                .containsExactly(overdue.id()).doesNotContain(old.id());
        assertThat(_get(Span.class, spec -> spec.withId("box-today-count")).getText()).isEqualTo("1");
        assertThat(_get(Span.class, spec -> spec.withId("box-overdue-count")).getText()).isEqualTo("1");
        assertThat(data.openComplaints()).isEqualTo(1);
        assertThat(data.complaints()).extracting(WorkspaceData.Complaint::description).containsExactly("交货延迟");
        assertThat(data.complaintMix()).as("the rep's own, not the colleague's").containsExactly(
                new WorkspaceData.ComplaintCount("In progress", "High", 1),
                new WorkspaceData.ComplaintCount("Resolved", "High", 1));
        ChartView mix = _get(ChartView.class, spec -> spec.withId("complaints-chart"));
        assertThat(mix.spec().labels()).containsExactly("In progress", "Resolved");
        assertThat(mix.spec().series()).extracting(ChartSpec.Series::label).containsExactly("High");
        assertThat(data.recent()).extracting(WorkspaceData.Activity::customerName)
                .allSatisfy(name -> assertThat(name).contains(t)).doesNotContain("苏州" + t + "电子");
        assertThat(data.recent()).anySatisfy(a -> {
            assertThat(a.formLabel()).isEqualTo("Purchase");
            assertThat(a.customerName()).isEqualTo("宁波" + t + "机械");
            assertThat(a.text()).contains("工业传感器").contains("1,200.00");
        });
        assertThat(data.recent()).isSortedAccordingTo(
                java.util.Comparator.comparing(WorkspaceData.Activity::at).reversed());
        assertThat(_get(Anchor.class, spec -> spec.withId("box-today-log")).getHref())
                .isEqualTo("forms/interaction/new?customer=" + mine.id());
        assertThat(_get(Anchor.class, spec -> spec.withId("shortcut-new-customer")).getHref())
                .isEqualTo("forms/customer/new");
    }

    @Test
    void everyBoxSaysWhenThereIsNothingInChinese() {
        Actor newcomer = fixture.user("孙新", Role.STAFF);
        signIn(newcomer, Locale.SIMPLIFIED_CHINESE);

        assertThat(_get(Span.class, spec -> spec.withId("box-customers-count")).getText()).isEqualTo("0");
        assertThat(empty("today")).isEqualTo("今天没有待跟进的客户");
        assertThat(empty("overdue")).isEqualTo("没有逾期的跟进，做得好！");
        assertThat(empty("complaints")).isEqualTo("没有未处理的投诉");
        assertThat(empty("recent")).isEqualTo("还没有最近动态");
        assertThat(_get(Span.class, spec -> spec.withId("box-today-count")).getText()).isEqualTo("0");
        assertThat(_get(Anchor.class, spec -> spec.withId("shortcut-new-interaction")).getText())
                .isEqualTo("记一笔互动");
    }

    @Test
    void aManagersFollowUpsAreThoseOfTheCustomersTheyManageThoughTheyMayReadAll() {
        Actor boss = fixture.user("周总", Role.MANAGER);
        Actor rep = fixture.user("吴用", Role.STAFF);
        String t = WorkspaceFixture.token();
        Record own = fixture.customer(boss, "深圳" + t + "科技");
        Record repCustomer = fixture.customer(rep, "广州" + t + "物流");
        fixture.interaction(boss, own.id(), WorkspaceFixture.daysAgo(1), "经理的跟进", LocalDate.now());
        fixture.interaction(rep, repCustomer.id(), WorkspaceFixture.daysAgo(1), "员工的跟进", LocalDate.now());

        signIn(boss, Locale.ENGLISH);
        WorkspaceData data = _get(WorkspaceBoard.class).data();

        assertThat(data.myCustomers()).isEqualTo(1);
        assertThat(data.onlyOwn()).isFalse();
        assertThat(data.dueToday()).extracting(WorkspaceData.FollowUp::summary).containsExactly("经理的跟进");
        assertThat(data.recent()).extracting(WorkspaceData.Activity::customerName).contains("广州" + t + "物流");
    }

    private void signIn(Actor actor, Locale locale) {
        KaribuSession.signIn(context, accounts, actor.username());
        UI.getCurrent().setLocale(locale);
        // away and back, so the home view is built anew in the chosen language
        UI.getCurrent().navigate("forms/customer");
        UI.getCurrent().navigate("");
    }

    private static String empty(String box) {
        return _get(Paragraph.class, spec -> spec.withId("box-" + box + "-empty")).getText();
    }
}
