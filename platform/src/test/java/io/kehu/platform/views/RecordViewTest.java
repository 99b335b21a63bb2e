package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.records.Record;
import io.kehu.platform.support.KaribuSession;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Karibu tests of the record view: save, validation, conflicts, field permissions, deep links, prefill, history. */
class RecordViewTest extends ScreensTest {



    @Test
    void savingAChangedFieldWritesItAndShowsItInTheHistory() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Ltd", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());

        _setValue(textField("field-name"), "Renamed Ltd");
        _click(_get(Button.class, spec -> spec.withId("record-save")));

        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("name")).isEqualTo("Renamed Ltd");
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedTab(
                _get(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId("history-tab")));
        HistoryPanel history = _get(HistoryPanel.class);
        assertThat(history.lines()).anySatisfy(line -> {
            assertThat(line.field()).isEqualTo("Name");
            assertThat(line.change()).endsWith("→ Renamed Ltd");
            assertThat(line.who()).as("the display name, not the sign-in name").isEqualTo("李强 Li Qiang");
        });
    }

    @Test
    void validationErrorsAppearBesideTheirFieldsInTheUsersLanguage() {
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/new");
        _setValue(textField("field-phone"), "12345");
        _click(_get(Button.class, spec -> spec.withId("record-save")));

        assertThat(textField("field-name").isInvalid()).isTrue();
        assertThat(textField("field-name").getErrorMessage()).isEqualTo("“Name” is required");
        assertThat(textField("field-phone").getErrorMessage()).startsWith("“Phone” is not a valid phone number");
    }

    @Test
    void aStaleVersionOpensTheConflictDialogWithWhoSavedAndACompareView() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Co", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        records.update(manager, "customer", customer.id(), customer.rowVersion(), Map.of("name", "Theirs Co"));

        _setValue(textField("field-name"), "Mine Co");
        _click(_get(Button.class, spec -> spec.withId("record-save")));

        ConflictDialog dialog = _get(ConflictDialog.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("conflict-who")).getText()).startsWith("王芳 Wang Fang saved");
        _click(_get(Button.class, spec -> spec.withId("conflict-compare-button")));
        @SuppressWarnings("unchecked")
        var compare = (com.vaadin.flow.component.grid.Grid<ConflictDialog.Difference>) _get(
                com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("conflict-compare"));
        assertThat(compare.getListDataView().getItems().toList())
                .containsExactly(new ConflictDialog.Difference("Name", "Theirs Co", "Mine Co"));
        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("name")).isEqualTo("Theirs Co");

        _click(_get(Button.class, spec -> spec.withId("conflict-keep")));
        assertThat(dialog.isOpened()).isFalse();
        _click(_get(Button.class, spec -> spec.withId("record-save")));
        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("name")).isEqualTo("Mine Co");
    }

    @Test
    void aFieldOnlyManagersMayReadIsAbsentForStaffAndPresentForManagers() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Inc", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        assertThat(_find(TextField.class, spec -> spec.withId("field-credit_note"))).isEmpty();
        assertThat(_find(TextField.class, spec -> spec.withId("field-name"))).hasSize(1);
        KaribuSession.signOut();

        signIn("manager");
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        assertThat(_find(TextField.class, spec -> spec.withId("field-credit_note"))).hasSize(1);
    }

    @Test
    void staffOpeningAnotherOwnersCustomerByUrlGetsTheSameMessageAsForAMissingOne() {
        Record theirs = ScreensFixture.customer(records, manager, ScreensFixture.token() + " Other", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + theirs.id());
        String forbidden = _get(NoAccessNotice.class).getText();
        UI.getCurrent().navigate("forms/customer/999999999");
        assertThat(_get(NoAccessNotice.class).getText()).isEqualTo(forbidden)
                .isEqualTo("This record does not exist or you have no access to it.");
    }

    @Test
    void aNewInteractionIsPrefilledWithItsCustomerFromTheQueryParameter() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Prefill", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/interaction/new",
                com.vaadin.flow.router.QueryParameters.simple(Map.of("customer", String.valueOf(customer.id()))));
        @SuppressWarnings("unchecked")
        ComboBox<RecordRef> picker = _get(ComboBox.class, spec -> spec.withId("field-customer"));
        assertThat(picker.getValue()).isEqualTo(new RecordRef(customer.id(), customer.get("name").toString()));
    }

    private static TextField textField(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }
}
