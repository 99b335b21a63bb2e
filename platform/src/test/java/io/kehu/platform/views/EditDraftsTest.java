package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.platform.records.Record;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An edit of an existing record that is interrupted (a reload, a phone losing its connection) is not lost: its fields
 * and its subtable rows come back; when someone saved the record meanwhile, the page shows the newer version and asks
 * before putting the draft on top of it (issue #16, drafts on phones).
 */
class EditDraftsTest extends ScreensTest {

    @Test
    void anInterruptedEditComesBackWithItsContactRows() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Draft", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        _setValue(text("field-name"), customer.get("name") + " changed");
        contactsTab();
        _click(button("subtable-contacts-add"));
        _setValue(text("subtable-contacts-0-name"), "Wang Fang");

        UI.getCurrent().getPage().reload(); // the connection dropped: a new page, the same session

        assertThat(text("field-name").getValue()).isEqualTo(customer.get("name") + " changed");
        contactsTab();
        assertThat(text("subtable-contacts-0-name").getValue()).isEqualTo("Wang Fang");
        assertThat(_find(DraftConflictDialog.class)).as("nobody saved meanwhile: nothing to decide").isEmpty();
        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("name"))
                .as("a draft is not a save").isEqualTo(customer.get("name"));

        _click(button("record-save"));
        assertThat(records.subtableRows(staff, "customer", customer.id(), "contacts"))
                .extracting(r -> r.get("name")).containsExactly("Wang Fang");
        UI.getCurrent().getPage().reload();
        assertThat(text("field-name").getValue()).as("saved: the draft is gone, the page shows the record")
                .isEqualTo(customer.get("name") + " changed");
        assertThat(_find(DraftConflictDialog.class)).isEmpty();
    }

    @Test
    void aDraftOfAnOlderVersionIsShownAgainstTheNewerOneAndOnlyAppliedWhenTheUserSaysSo() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Old", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        _setValue(text("field-name"), customer.get("name") + " mine");

        // meanwhile the manager renames it
        Record theirs = records.update(manager, "customer", customer.id(), customer.rowVersion(),
                Map.of("name", customer.get("name") + " theirs"));
        UI.getCurrent().getPage().reload();

        assertThat(text("field-name").getValue()).as("the newer version is shown, not overwritten")
                .isEqualTo(theirs.get("name"));
        DraftConflictDialog dialog = _get(DraftConflictDialog.class, spec -> spec.withId("draft-conflict"));
        assertThat(_get(dialog, UnorderedList.class).getElement().getTextRecursively())
                .contains("now \"" + theirs.get("name") + "\", your draft \"" + customer.get("name") + " mine\"");
        _click(_get(dialog, Button.class, spec -> spec.withId("draft-conflict-apply")));
        assertThat(text("field-name").getValue()).isEqualTo(customer.get("name") + " mine");
        _click(button("record-save"));
        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("name"))
                .isEqualTo(customer.get("name") + " mine");

        // and a discarded draft stays discarded
        _setValue(text("field-name"), "thrown away");
        Record latest = records.get(staff, "customer", customer.id()).orElseThrow();
        records.update(manager, "customer", customer.id(), latest.rowVersion(), Map.of("name", "manager again"));
        UI.getCurrent().getPage().reload();
        _click(_get(Button.class, spec -> spec.withId("draft-conflict-discard")));
        assertThat(text("field-name").getValue()).isEqualTo("manager again");
        UI.getCurrent().getPage().reload();
        assertThat(_find(DraftConflictDialog.class)).isEmpty();
        assertThat(text("field-name").getValue()).isEqualTo("manager again");
    }

    private static void contactsTab() {
        _get(TabSheet.class).setSelectedTab(_get(Tab.class,
                spec -> spec.withPredicate(t -> "Contacts".equals(t.getLabel()))));
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private static TextField text(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }
}
