package io.kehu.platform.adminhome;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import io.kehu.platform.workspace.Workspace;
import io.kehu.platform.workspace.WorkspaceFixture;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The administrators' start page on the home page, in Chinese (Karibu; the workspace tests' context): counts that
 * link to their lists, the plugins, what needs attention, the latest saves in words (who, what, which fields — no ids
 * or codes) and the shortcuts; nobody else gets it, and the platform's list of changes refuses them too.
 */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=workspace")
class AdminStartTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    UserAccounts accounts;

    @Autowired
    Workspace workspace;
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
    void anAdministratorStartsTheDayWithCountsPluginsProblemsLatestChangesAndShortcuts() {
        Actor admin = fixture.user("孙管理", Role.ADMIN);
        Actor rep = fixture.user("周销售", Role.STAFF);
        String t = WorkspaceFixture.token();
        Record customer = fixture.customer(rep, "厦门" + t + "贸易");
        records.update(rep, "customer", customer.id(), customer.rowVersion(),
                Map.of("phone", "13912345678", "notes", "改为新号码"));

        signIn(admin, Locale.SIMPLIFIED_CHINESE);
        Div start = _get(Div.class, spec -> spec.withId("admin-start"));
        String text = start.getElement().getTextRecursively();

        long customers = records.estimateCount(admin, "customer");
        assertThat(_get(Anchor.class, spec -> spec.withId("admin-count-customers")).getHref())
                .isEqualTo("forms/customer");
        assertThat(_get(Anchor.class, spec -> spec.withId("admin-count-customers")).getElement()
                .getTextRecursively()).matches("客户 [0-9,]+ 位");
        assertThat(customers).isPositive();
        // open complaints: the workspace's own figure, read without the rest of the workspace
        long open = workspace.read(admin, Locale.SIMPLIFIED_CHINESE, java.time.ZoneOffset.UTC,
                java.time.LocalDate.now(java.time.ZoneOffset.UTC)).openComplaints();
        assertThat(_get(Anchor.class, spec -> spec.withId("admin-count-complaints")).getElement()
                .getTextRecursively()).contains("未结投诉 " + java.text.NumberFormat.getIntegerInstance(
                        Locale.SIMPLIFIED_CHINESE).format(open) + " 件");
        assertThat(text).contains("今日概况").contains("未结投诉").contains("待办任务").contains("插件").contains("需要处理")
                .contains("最近修改").contains("常用入口");

        // the rep's save is among the newest changes (an automation may have written after it): their name, the form
        // and record, the fields by label, a link to the record
        assertThat(_find(Anchor.class, spec -> spec.withId("admin-change-0"))).isNotEmpty();
        assertThat(_find(Anchor.class).stream().filter(a -> a.getId().orElse("").startsWith("admin-change-")))
                .anySatisfy(a -> {
                    assertThat(a.getElement().getTextRecursively()).startsWith("周销售 修改了客户“厦门" + t + "贸易”的")
                            .contains("电话").contains("备注");
                    assertThat(a.getHref()).isEqualTo("forms/customer/" + customer.id());
                });
        assertThat(_get(Anchor.class, spec -> spec.withId("admin-link-designer")).getHref()).isEqualTo("admin/forms");
        assertThat(_get(Anchor.class, spec -> spec.withId("admin-link-users")).getHref()).isEqualTo("admin/teams");
        assertThat(_get(Anchor.class, spec -> spec.withId("admin-link-import")).getHref()).isEqualTo("import");
        assertThat(_get(Anchor.class, spec -> spec.withId("admin-link-designer")).getText()).isEqualTo("表单设计");
        // no ids, codes or JSON: the record's id appears only in the link, never in what is read
        assertThat(text).doesNotContain("{").doesNotContain("customer").doesNotContain("!adminhome")
                .doesNotContain(rep.username()).doesNotContain("update").doesNotContain("null");
    }

    @Test
    void aSalesRepHasNoStartPageAndMayNotListEveryChange() {
        Actor rep = fixture.user("吴销售", Role.STAFF);
        signIn(rep, Locale.SIMPLIFIED_CHINESE);
        assertThat(_find(Div.class, spec -> spec.withId("admin-start"))).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> records.recentChanges(rep, 10))
                .isInstanceOf(RecordAccessDeniedException.class);
    }

    private void signIn(Actor actor, Locale locale) {
        KaribuSession.signIn(context, accounts, actor.username());
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("forms/customer");
        UI.getCurrent().navigate("");
    }
}
