package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.data.provider.Query;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginJar;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.KaribuSession;
import io.kehu.platform.support.KehuTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
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

/**
 * A real plugin jar's list columns on the customer list, in zh-CN: the plugin's 流失风险 and 风险等级 are grid columns
 * with their values, filter "≥ 70" through the filter bar, sort, a line on the phone's cards; disabled, the columns
 * go and a saved view that used them opens without them and says so.
 */
@KehuTest
@TestPropertySource(properties = "kehu.test.context=screens")
class PluginListColumnsTest {

    private static final String ID = "listcol-test";
    private static final Actor ADMIN = new Actor(1L, "admin", Set.of(Role.ADMIN));

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
    PluginHost host;
    @Autowired
    SavedViews savedViews;

    String token;
    Record high;
    Record low;

    @BeforeEach
    void install() throws Exception {
        ScreensFixture.publishForms(catalog, publisher);
        String pkg = "io.kehu.plugins.listcoltest";
        PluginJar jar = PluginJar.plugin(ID).description("List columns")
                .resource("forms/lct_risk.json", """
                        {"id": "lct_risk", "label": {"zh": "风险评分", "en": "Risk score"}, "titleField": "customer",
                         "ownerField": "customer",
                         "fields": [
                           {"id": "customer", "type": "reference", "form": "customer", "required": true,
                            "indexed": true, "label": {"zh": "客户", "en": "Customer"}},
                           {"id": "score", "type": "integer", "indexed": true, "label": {"zh": "风险分", "en": "Score"}},
                           {"id": "band", "type": "select", "label": {"zh": "风险等级", "en": "Band"},
                            "options": [{"value": "high", "label": {"zh": "高风险", "en": "High"}},
                                        {"value": "low", "label": {"zh": "低风险", "en": "Low"}}]}
                         ],
                         "permissions": {"read": ["staff", "manager", "admin"], "write": ["admin"]}}
                        """)
                .source(pkg + ".Forms", """
                        package %s;
                        @org.pf4j.Extension
                        public class Forms implements io.kehu.sdk.forms.FormDefinitionProvider {
                            public java.util.List<io.kehu.sdk.forms.DefinitionText> definitions() {
                                return java.util.List.of(io.kehu.sdk.forms.DefinitionText.fromResource(getClass(),
                                        "forms/lct_risk.json"));
                            }
                        }
                        """.formatted(pkg))
                .source(pkg + ".Columns", """
                        package %s;
                        import io.kehu.sdk.LocalText;
                        import io.kehu.sdk.ui.ListColumn;
                        @org.pf4j.Extension
                        public class Columns implements io.kehu.sdk.ui.ListColumnContribution {
                            public java.util.List<ListColumn> columns() {
                                return java.util.List.of(
                                        ListColumn.builder("customer", "lct_risk", LocalText.of("流失风险", "Churn risk"))
                                                .from("lct_risk", "customer", "score").build(),
                                        ListColumn.builder("customer", "lct_band", LocalText.of("风险等级", "Risk band"))
                                                .from("lct_risk", "customer", "band").kind(ListColumn.Kind.LEVEL)
                                                .build());
                            }
                        }
                        """.formatted(pkg));
        host.install(ADMIN, ID + ".jar", new ByteArrayInputStream(jar.bytes()));
        Actor staff = ScreensFixture.actor(accounts, "staff");
        token = ScreensFixture.token();
        high = ScreensFixture.customer(records, staff, token + " 高", "east_china");
        low = ScreensFixture.customer(records, staff, token + " 低", "east_china");
        ScreensFixture.customer(records, staff, token + " 无", "east_china");
        Actor plugin = Actor.system("plugin:" + ID);
        records.create(plugin, "lct_risk", Map.of("customer", high.id(), "score", 85, "band", "high"));
        records.create(plugin, "lct_risk", Map.of("customer", low.id(), "score", 20, "band", "low"));
    }

    @AfterEach
    void uninstall() {
        KaribuSession.signOut();
        if (host.plugin(ID).isPresent()) {
            host.uninstall(ADMIN, ID);
        }
    }

    private void openList(String username) {
        KaribuSession.signIn(context, accounts, username);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().navigate("forms/customer");
    }

    @Test
    void theColumnShowsFiltersAndSortsInChinese() {
        openList("manager");
        ScreensTest.search(token);
        Grid<Record> grid = ScreensTest.grid();
        Grid.Column<Record> risk = grid.getColumnByKey("lct_risk");
        assertThat(risk).as("the plugin's column is shown").isNotNull();
        assertThat(risk.isVisible()).isTrue();
        assertThat(risk.isSortable()).isTrue();
        assertThat(GridKt._getFormatted(grid, rowOf(grid, high), "lct_risk")).isEqualTo("85");
        assertThat(GridKt._getFormatted(grid, rowOf(grid, high), "lct_band")).isEqualTo("高风险");
        assertThat(GridKt._getFormatted(grid, rowOf(grid, low), "lct_band")).isEqualTo("低风险");

        FieldDefinition riskFilter = filterPicker().getListDataView().getItems()
                .filter(f -> f.id().equals("lct_risk")).findFirst().orElseThrow();
        assertThat(filterPicker().getItemLabelGenerator().apply(riskFilter)).isEqualTo("流失风险");
        _setValue(filterPicker(), riskFilter);
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("filter-lct_risk-from")), new BigDecimal("70"));
        assertThat(ScreensTest.names(grid)).containsExactly(token + " 高");
        assertThat(_get(RecordListView.class).state().filters())
                .containsExactly(Filter.of("lct_risk", Operator.GREATER_OR_EQUAL, new BigDecimal("70")));

        _get(RecordListView.class).apply(new ViewState(List.of("name", "lct_risk"), List.of(Sort.asc("lct_risk")),
                token, List.of()));
        assertThat(ScreensTest.names(grid)).containsExactly(token + " 低", token + " 高", token + " 无");
    }

    @Test
    void aDisabledPluginsColumnIsGoneAndItsSavedViewSaysSo() {
        ViewState usingIt = new ViewState(List.of("name", "lct_risk"), List.of(Sort.desc("lct_risk")), token,
                List.of(Filter.of("lct_risk", Operator.GREATER_OR_EQUAL, 70)));
        SavedView saved = savedViews.save(ScreensFixture.actor(accounts, "manager"), "customer", "高风险 " + token,
                null, usingIt);
        host.disable(ADMIN, ID);

        openList("manager");
        Grid<Record> grid = ScreensTest.grid();
        assertThat(grid.getColumnByKey("lct_risk")).isNull();
        assertThat(filterPicker().getListDataView().getItems().map(FieldDefinition::id)).doesNotContain("lct_risk");
        _get(RecordListView.class).apply(saved.state());
        assertThat(NotificationsKt.getNotifications()).anySatisfy(n -> assertThat(n.getElement()
                .getProperty("text")).contains("3 项").contains("已不可用"));
        assertThat(ScreensTest.names(grid)).containsExactlyInAnyOrder(token + " 高", token + " 低", token + " 无");
    }

    @Test
    void aPhoneCardShowsTheColumnAsALine() {
        openList("manager");
        MockVaadin.clientRoundtrip(false);
        ScreenWidth.reported(UI.getCurrent(), 390);
        ScreensTest.search(token);
        RecordCards cards = _get(RecordCards.class);
        assertThat(cards.keyFields()).extracting(FieldDefinition::id).contains("lct_risk", "lct_band");
        Record shown = cards.getDataProvider().fetch(new Query<>(0, 50, List.of(), null, null))
                .filter(r -> r.id() == high.id()).findFirst().orElseThrow();
        Component card = cards.card(shown);
        UI.getCurrent().add(card);
        assertThat(card.getElement().getTextRecursively()).contains("流失风险").contains("85").contains("高风险");
        assertThat(_find(Grid.class, spec -> spec.withId("record-grid"))).isEmpty();
    }

    private static int rowOf(Grid<Record> grid, Record record) {
        return GridKt._fetch(grid, 0, 100).stream().map(Record::id).toList().indexOf(record.id());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<FieldDefinition> filterPicker() {
        return _get(ComboBox.class, spec -> spec.withId("filter-add"));
    }
}
