package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.records.ListedCount;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.support.KaribuSession;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Karibu tests of what a list tells its user in Chinese: how many records, that a STAFF list holds only their own,
 * an empty state with a way on, the newest record first, the bulk bar only with a selection, the filter words.
 */
class ListFeedbackTest extends ScreensTest {

    @Test
    void theCountFollowsTheSearchAndStaffAreToldTheListHoldsOnlyTheirOwn() {
        String token = ScreensFixture.token();
        ScreensFixture.customer(records, staff, token + " 甲", "east_china");
        ScreensFixture.customer(records, staff, token + " 乙", "east_china");
        ScreensFixture.customer(records, manager, token + " 丙", "east_china");
        signInInChinese("staff");
        UI.getCurrent().navigate("forms/customer");

        search(token);
        assertThat(countText()).isEqualTo("共 2 条 · 仅显示您负责的客户");
        assertThat(records.count(staff, RecordQuery.of("customer").search(token)))
                .isEqualTo(ListedCount.exact(2));

        KaribuSession.signOut();
        signInInChinese("manager");
        UI.getCurrent().navigate("forms/customer");
        search(token);
        assertThat(countText()).as("a manager sees every customer and no own-only note").isEqualTo("共 3 条");
    }

    @Test
    void nothingMatchingShowsTheEmptyStateWhoseActionClearsTheFilters() {
        signInInChinese("staff");
        UI.getCurrent().navigate("forms/customer");
        search(ScreensFixture.token() + " nobody");

        assertThat(countText()).startsWith("共 0 条");
        assertThat(_get(Span.class, spec -> spec.withId("empty-list-message")).getText())
                .isEqualTo("没有符合条件的客户");
        assertThat(any(RecordGrid.class).isVisible()).isFalse();
        assertThat(_find(Button.class, spec -> spec.withId("empty-list-new"))).isEmpty();

        _click(_get(Button.class, spec -> spec.withId("empty-list-clear")));
        assertThat(grid().isVisible()).isTrue();
        assertThat(any(EmptyList.class).isVisible()).isFalse();
    }

    @Test
    void theNewestRecordIsFirstAndTheBulkBarAppearsOnlyWithASelection() {
        String token = ScreensFixture.token();
        ScreensFixture.customer(records, staff, token + " 旧", "east_china");
        ScreensFixture.customer(records, staff, token + " 新", "east_china");
        signInInChinese("staff");
        UI.getCurrent().navigate("forms/customer");
        search(token);
        Grid<Record> grid = grid();
        assertThat(names(grid)).containsExactly(token + " 新", token + " 旧");

        BulkActions bulk = any(BulkActions.class);
        assertThat(bulk.isVisible()).isFalse();
        grid.select(GridKt._fetch(grid, 0, 1).getFirst());
        assertThat(bulk.isVisible()).isTrue();
        assertThat(_get(bulk, Span.class, spec -> spec.withId("bulk-selected")).getText()).isEqualTo("已选 1 条");
        assertThat(_find(bulk, Button.class, spec -> spec.withId("bulk-delete"))).hasSize(1);
        grid.deselectAll();
        assertThat(bulk.isVisible()).isFalse();
    }

    @Test
    void filtersSayContainsForTextAndBelongsToForAChoice() {
        signInInChinese("staff");
        UI.getCurrent().navigate("forms/customer");
        @SuppressWarnings("unchecked")
        ComboBox<FieldDefinition> add = _get(ComboBox.class, spec -> spec.withId("filter-add"));
        _setValue(add, catalog.published("customer").orElseThrow().field("region").orElseThrow());
        _setValue(add, catalog.published("customer").orElseThrow().field("name").orElseThrow());

        assertThat(modeLabel("region")).isEqualTo("属于");
        assertThat(modeLabel("name")).isEqualTo("包含");
    }

    @Test
    void chineseHeadersGetRoomForEveryCharacterAndTheSortIndicator() {
        assertThat(RecordGrid.minimumWidth("客户名称")).isEqualTo("8.0em");
        assertThat(RecordGrid.minimumWidth("区域")).isEqualTo("6.0em");
        assertThat(RecordGrid.minimumWidth("最近一次联系的客户经理")).isEqualTo("15.0em");
    }

    @SuppressWarnings("unchecked")
    private static String modeLabel(String fieldId) {
        Select<FieldFilter.Mode> mode = _get(Select.class, spec -> spec.withId("filter-" + fieldId + "-mode"));
        return mode.getItemLabelGenerator().apply(mode.getValue());
    }

    /** The first component of {@code type} in the UI, also when hidden (Karibu's look-ups see only visible ones). */
    private static <T extends Component> T any(Class<T> type) {
        return tree(UI.getCurrent()).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static Stream<Component> tree(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ListFeedbackTest::tree));
    }

    private static String countText() {
        return _get(ListCount.class).getText();
    }

    private void signInInChinese(String username) {
        signIn(username);
        UI.getCurrent().setLocale(Languages.CHINESE);
    }
}
