package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.records.Record;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Subtable rows (a customer's contact persons) edited inline on the record view: added, changed and removed rows are
 * saved with the record in one write, and a wrong row shows its error on its own cell while nothing is written.
 */
class SubtableEditingTest extends ScreensTest {



    @Test
    void rowsAddedChangedAndRemovedInlineAreSavedWithTheRecord() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Rows", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        contactsTab();
        assertThat(_find(Dialog.class)).as("no dialog: rows are edited in place").isEmpty();

        _click(button("subtable-contacts-add"));
        _click(button("subtable-contacts-add"));
        _setValue(text("subtable-contacts-0-name"), "Li Lei");
        _setValue(text("subtable-contacts-0-title"), "Buyer");
        _setValue(text("subtable-contacts-1-name"), "Han Meimei");
        _click(button("record-save"));

        assertThat(contacts(customer)).extracting(r -> r.get("name")).containsExactly("Li Lei", "Han Meimei");
        assertThat(contacts(customer).getFirst().get("title")).isEqualTo("Buyer");
        assertThat(text("subtable-contacts-1-name").getValue()).as("rows reloaded as saved").isEqualTo("Han Meimei");
        assertThat(_find(TextField.class, spec -> spec.withId("subtable-contacts-2-name"))).isEmpty();

        _setValue(text("subtable-contacts-0-title"), "Head of purchasing");
        _click(button("subtable-contacts-1-remove"));
        _click(button("subtable-contacts-add"));
        _setValue(text("subtable-contacts-2-name"), "Wang Fang");
        _setValue(text("field-name"), customer.get("name") + " renamed");
        _click(button("record-save"));

        assertThat(contacts(customer)).extracting(r -> r.get("name")).containsExactly("Li Lei", "Wang Fang");
        assertThat(contacts(customer).getFirst().get("title")).isEqualTo("Head of purchasing");
        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("name"))
                .isEqualTo(customer.get("name") + " renamed");
    }

    @Test
    void aWrongRowShowsItsErrorOnItsCellAndNothingIsWritten() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Bad", "east_china");
        records.createChild(staff, "customer", customer.id(), "contacts", Map.of("name", "Kept"));
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        contactsTab();
        assertThat(text("subtable-contacts-0-name").getValue()).isEqualTo("Kept");

        _setValue(text("field-name"), "Should Not Be Saved");
        _click(button("subtable-contacts-0-remove"));
        _click(button("subtable-contacts-add"));
        _setValue(text("subtable-contacts-1-phone"), "12345");
        _click(button("record-save"));

        TextField name = text("subtable-contacts-1-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("“Name” is required");
        assertThat(text("subtable-contacts-1-phone").getErrorMessage()).startsWith("“Phone” is not a valid phone");
        assertThat(text("field-name").isInvalid()).as("the record's own fields are fine").isFalse();
        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("name"))
                .isEqualTo(customer.get("name"));
        assertThat(contacts(customer)).extracting(r -> r.get("name")).containsExactly("Kept");

        _setValue(name, "Zhang Wei");
        _setValue(text("subtable-contacts-1-phone"), "13912345678");
        _click(button("record-save"));
        assertThat(contacts(customer)).extracting(r -> r.get("name")).containsExactly("Zhang Wei");
        assertThat(_get(Div.class, spec -> spec.withId("form-errors")).getText()).isEmpty();
    }

    @Test
    void aNewRecordIsSavedTogetherWithItsFirstRows() {
        String name = ScreensFixture.token() + " Fresh";
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/new");
        _setValue(text("field-name"), name);
        _setValue(text("field-phone"), ScreensFixture.phone());
        contactsTab();
        _click(button("subtable-contacts-add"));
        _setValue(text("subtable-contacts-0-name"), "First Contact");
        _click(button("record-save"));

        Record created = records.query(staff, io.kehu.platform.records.RecordQuery.of("customer").search(name))
                .getFirst();
        assertThat(contacts(created)).extracting(r -> r.get("name")).containsExactly("First Contact");
    }

    private static void contactsTab() {
        _get(TabSheet.class).setSelectedTab(_get(Tab.class, spec -> spec.withPredicate(t -> "Contacts".equals(t.getLabel()))));
    }

    private List<Record> contacts(Record customer) {
        return records.subtableRows(staff, "customer", customer.id(), "contacts");
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }
}
