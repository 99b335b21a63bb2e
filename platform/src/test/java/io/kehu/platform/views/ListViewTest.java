package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.ui.HomeView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Karibu tests of the navigation and the list view over the shipped customer form. */
class ListViewTest extends ScreensTest {

    @Autowired
    SavedViews savedViews;

    @Test
    void navigationListsFormsWithAGroupInOrderButNotSubtableForms() {
        signIn("staff");
        UI.getCurrent().navigate(HomeView.class);
        SideNav customers = _get(SideNav.class, spec -> spec.withId("nav-customers"));
        assertThat(customers.getItems()).extracting(SideNavItem::getLabel)
                .containsExactly("Customer", "Feedback", "Interaction", "Return request", "Purchase",
                        "Customer event");
        assertThat(customers.getItems().getFirst().getPath()).isEqualTo("forms/customer");
        assertThat(FormNavigation.icon("user-card")).isNotNull();
        assertThat(FormNavigation.icon("no-such-icon")).isNull();
    }

    @Test
    void quickSearchAndFiltersChangeTheRows() {
        String token = ScreensFixture.token();
        ScreensFixture.customer(records, staff, token + " East", "east_china");
        ScreensFixture.customer(records, staff, token + " South", "south_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer");
        Grid<Record> grid = grid();

        _setValue(_get(TextField.class, spec -> spec.withId("quick-search")), token);
        assertThat(names(grid)).containsExactlyInAnyOrder(token + " East", token + " South");

        _setValue(fieldPicker(), catalog.published("customer").orElseThrow().field("region").orElseThrow());
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> regions = _get(MultiSelectComboBox.class, spec -> spec.withId("filter-region-value"));
        _setValue(regions, Set.of("east_china"));
        assertThat(names(grid)).containsExactly(token + " East");
        assertThat(GridKt._getFormatted(grid, 0, "region")).isEqualTo("East China");
    }

    @Test
    void aSavedViewRestoresFiltersSearchColumnsAndSort() {
        String token = ScreensFixture.token();
        ViewState state = new ViewState(List.of("name", "region"), List.of(Sort.desc("name")), token,
                List.of(new Filter("region", Operator.IN, List.of("south_china"))));
        assertThat(SavedViews.read(SavedViews.write(state))).isEqualTo(state);

        ScreensFixture.customer(records, staff, token + " A", "south_china");
        ScreensFixture.customer(records, staff, token + " B", "south_china");
        ScreensFixture.customer(records, staff, token + " C", "east_china");
        SavedView saved = savedViews.save(staff, "customer", "South " + token, null, state);
        assertThat(savedViews.visibleTo(staff, "customer")).contains(saved);
        assertThat(savedViews.visibleTo(ScreensFixture.actor(accounts, "manager"), "customer")).doesNotContain(saved);

        signIn("staff");
        UI.getCurrent().navigate("forms/customer");
        RecordListView view = _get(RecordListView.class);
        view.apply(saved.state());
        assertThat(names(grid())).containsExactly(token + " B", token + " A");
        assertThat(view.state()).isEqualTo(state);

        savedViews.save(staff, "customer", "Shared " + token, io.kehu.platform.security.Role.MANAGER, state);
        assertThat(savedViews.visibleTo(ScreensFixture.actor(accounts, "manager"), "customer"))
                .extracting(SavedView::name).contains("Shared " + token);
    }

    @Test
    void staffOpeningAFormTheyMayNotReadGetsTheNotFoundMessage() {
        signIn("staff");
        UI.getCurrent().navigate("forms/no_such_form");
        assertThat(_get(NoAccessNotice.class).getText())
                .isEqualTo("This record does not exist or you have no access to it.");
        assertThat(_find(Grid.class)).isEmpty();
    }

    @Test
    void theGridNeverCountsAndPagesThroughTheStore() {
        signIn("staff");
        UI.getCurrent().navigate("forms/customer");
        Grid<Record> grid = grid();
        assertThat(grid.getLazyDataView().getItemCountEstimate()).isPositive();
        assertThat(GridKt._fetch(grid, 0, 5)).hasSizeLessThanOrEqualTo(5);
        assertThat(records.query(staff, RecordQuery.of("customer").limit(1))).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<FieldDefinition> fieldPicker() {
        return _get(ComboBox.class, spec -> spec.withId("filter-add"));
    }
}
