package io.kehu.platform.timeline;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
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
import io.kehu.platform.workspace.WorkspaceFixture;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/** Karibu tests of the customer's timeline tab: order, kinds, edits in words, paging, the monthly chart. */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=workspace")
class TimelineViewTest {

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
    void theTimelineMergesEverythingNewestFirstWithEditsInWordsAndFiltersByKind() {
        Actor rep = fixture.user("郑爽", Role.STAFF);
        Record customer = fixture.customer(rep, "成都" + WorkspaceFixture.token() + "餐饮");
        fixture.interaction(rep, customer.id(), WorkspaceFixture.daysAgo(30), "第一次电话", null);
        fixture.purchase(rep, customer.id(), LocalDate.now().minusDays(20), "商用冰柜", "8800.00");
        fixture.complaint(rep, customer.id(), WorkspaceFixture.daysAgo(10), "冰柜噪音大", "new");
        fixture.interaction(rep, customer.id(), WorkspaceFixture.daysAgo(3), "回访", null);
        Record current = records.get(rep, "customer", customer.id()).orElseThrow();
        records.update(rep, "customer", customer.id(), current.rowVersion(),
                Map.of("region", "southwest", "email", "boss@example.cn"));

        TimelinePanel timeline = open(rep, customer.id(), Locale.SIMPLIFIED_CHINESE);
        List<TimelineEntry> entries = timeline.entries();

        assertThat(entries).extracting(TimelineEntry::kind)
                .containsExactly("edits", "edits", "interaction", "feedback", "purchase", "interaction");
        assertThat(entries).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at).reversed());
        TimelineEntry edit = entries.getFirst();
        assertThat(edit.title()).isEqualTo("修改了客户资料");
        assertThat(edit.who()).isEqualTo("郑爽");
        assertThat(edit.text()).contains("区域：设为 西南").contains("邮箱：设为 boss@example.cn")
                .doesNotContain("∅").doesNotContain("region");
        assertThat(entries.get(1).title()).isEqualTo("新建客户");
        assertThat(entries.get(2).title()).isEqualTo("互动记录 · 电话");
        assertThat(entries.get(2).text()).contains("回访");
        assertThat(entries.get(3).text()).contains("冰柜噪音大");
        assertThat(entries.get(4).text()).contains("商用冰柜").contains("8,800");
        assertThat(entries.get(4).dateOnly()).isTrue();

        timeline.showOnly(Set.of("purchase", "feedback"));
        assertThat(timeline.entries()).extracting(TimelineEntry::kind).containsExactly("feedback", "purchase");

        assertThat(_get(ChartView.class).getId()).contains("timeline-chart");
        MonthlyActivity activity = _get(TimelinePanel.class).activity();
        assertThat(activity.months()).hasSize(12).last().isEqualTo(YearMonth.now());
        assertThat(activity.series()).extracting(MonthlyActivity.Series::formId)
                .contains("interaction", "purchase");
        assertThat(activity.series()).filteredOn(s -> s.formId().equals("interaction"))
                .singleElement().extracting(MonthlyActivity.Series::total).isEqualTo(2L);
    }

    @Test
    void aLongHistoryLoadsTwentyAtATimeWithoutGapsOrRepeats() {
        Actor rep = fixture.user("王五", Role.STAFF);
        Record customer = fixture.customer(rep, "西安" + WorkspaceFixture.token() + "建材");
        for (int i = 0; i < 25; i++) {
            fixture.interaction(rep, customer.id(), WorkspaceFixture.daysAgo(i + 1), "第" + i + "次", null);
        }
        TimelinePanel timeline = open(rep, customer.id(), Locale.ENGLISH);
        assertThat(timeline.entries()).hasSize(Timeline.PAGE);
        Button more = _get(Button.class, spec -> spec.withId("timeline-more"));

        _click(more);

        List<TimelineEntry> all = timeline.entries();
        assertThat(all).hasSize(26).extracting(TimelineEntry::key).doesNotHaveDuplicates();
        assertThat(all).isSortedAccordingTo(Comparator.comparing(TimelineEntry::at).reversed());
        assertThat(all.getFirst().kind()).isEqualTo("edits");
        assertThat(all.get(1).text()).contains("第0次");
        assertThat(all.getLast().text()).contains("第24次");
        assertThat(more.isVisible()).as("nothing more to load").isFalse();
    }

    @Test
    void aColleagueCannotOpenTheTimelineOfACustomerThatIsNotTheirs() {
        Actor rep = fixture.user("冯七", Role.STAFF);
        Actor other = fixture.user("陈八", Role.STAFF);
        Record customer = fixture.customer(rep, "重庆" + WorkspaceFixture.token() + "火锅");
        KaribuSession.signIn(context, accounts, other.username());
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(TimelinePanel.class)).isEmpty();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Tab.class,
                spec -> spec.withId("timeline-tab"))).isEmpty();
    }

    private TimelinePanel open(Actor actor, long customerId, Locale locale) {
        KaribuSession.signIn(context, accounts, actor.username());
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("forms/customer/" + customerId);
        _get(TabSheet.class).setSelectedTab(_get(Tab.class, spec -> spec.withId("timeline-tab")));
        return _get(TimelinePanel.class);
    }
}
