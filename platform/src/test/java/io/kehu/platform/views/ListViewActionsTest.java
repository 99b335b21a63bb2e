package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.support.KaribuSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Karibu tests of what the list view does beyond showing rows: bulk actions (with the server's own checks), the
 * column toggle, range and empty filters, exports as downloaded, fields the user may not read, and the warning before
 * unsaved changes on a record are left behind.
 */
class ListViewActionsTest extends ScreensTest {



    @Test
    void aManagerAssignsTheSelectedCustomersToAnotherAccountManager() {
        String token = ScreensFixture.token();
        Record a = ScreensFixture.customer(records, manager, token + " A", "east_china");
        Record b = ScreensFixture.customer(records, manager, token + " B", "east_china");
        signIn("manager");
        UI.getCurrent().navigate("forms/customer");
        search(token);
        Grid<Record> grid = grid();
        GridKt._fetch(grid, 0, 10).forEach(grid::select);

        @SuppressWarnings("unchecked")
        ComboBox<UserAccount> assignee = _get(ComboBox.class, spec -> spec.withId("bulk-assignee"));
        _setValue(assignee, accounts.findByUsername("staff").orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("bulk-assign")));

        NotificationsKt.expectNotifications("2 of 2 records changed");
        for (Record r : List.of(a, b)) {
            assertThat(records.get(staff, "customer", r.id()).orElseThrow().get("account_manager"))
                    .isEqualTo(staff.userId());
        }
    }

    @Test
    void bulkDeleteAsksFirstAndStaffCannotDeleteWhatTheyCannotSeeEvenWithAForgedSelection() {
        String token = ScreensFixture.token();
        ScreensFixture.customer(records, staff, token + " Mine 1", "east_china");
        ScreensFixture.customer(records, staff, token + " Mine 2", "east_china");
        Record theirs = ScreensFixture.customer(records, manager, token + " Theirs", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer");
        search(token);
        Grid<Record> grid = grid();
        assertThat(names(grid)).as("staff lists only their own").containsExactlyInAnyOrder(token + " Mine 1",
                token + " Mine 2");
        GridKt._fetch(grid, 0, 10).forEach(grid::select);

        _click(_get(Button.class, spec -> spec.withId("bulk-delete")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("bulk-delete-confirm"));
        assertThat(ConfirmDialogKt.getText(confirm)).contains("Delete the 2 selected records?");
        assertThat(names(grid)).as("nothing deleted before confirming").hasSize(2);
        ConfirmDialogKt._fireConfirm(confirm);
        NotificationsKt.expectNotifications("2 of 2 records changed");
        assertThat(names(grid)).isEmpty();

        // The screen only offers rows the user sees; the store refuses the others even if a selection is forged.
        Record forged = records.get(manager, "customer", theirs.id()).orElseThrow();
        BulkActions actions = new BulkActions(records, staff, catalog.published("customer").orElseThrow(),
                new UserDirectory(accounts), () -> Set.of(forged), () -> { });
        UI.getCurrent().add(actions);
        _click(_get(actions, Button.class, spec -> spec.withId("bulk-delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("bulk-delete-confirm")));
        NotificationsKt.expectNotifications("0 of 1 records changed");
        // Not a silent count: the user reads which record was refused and why, by its title.
        BulkFailures failures = _get(BulkFailures.class, spec -> spec.withId("bulk-failures"));
        assertThat(failures.getHeaderTitle()).isEqualTo("1 records were not changed");
        assertThat(_get(failures, com.vaadin.flow.component.html.ListItem.class).getText())
                .isEqualTo(token + " Theirs: no longer there or not yours");
        _click(_get(failures, Button.class, spec -> spec.withId("bulk-failures-close")));
        assertThat(records.get(manager, "customer", theirs.id())).isPresent();
        assertThat(_find(actions, ComboBox.class, spec -> spec.withId("bulk-assignee")))
                .as("STAFF may not hand records to others: no assign control").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theColumnToggleShowsAColumnWithItsValues() {
        String token = ScreensFixture.token();
        records.create(staff, "customer", Map.of("name", token + " Mail", "customer_type", "company",
                "phone", ScreensFixture.phone(), "email", "mail@example.com"));
        signIn("staff");
        UI.getCurrent().navigate("forms/customer");
        search(token);
        Grid<Record> grid = grid();
        assertThat(grid.getColumnByKey("email")).as("hidden columns are built when first shown").isNull();

        ContextMenuKt._clickItemWithID(_get(MenuBar.class, spec -> spec.withId("column-toggle")),
                "column-toggle-email");
        assertThat(grid.getColumnByKey("email").isVisible()).isTrue();
        // e-mail cells are mailto: links (a LitRenderer with the text and the link as properties)
        LitRenderer<Record> cell = (LitRenderer<Record>) grid.getColumnByKey("email").getRenderer();
        Record row = GridKt._get(grid, 0);
        assertThat(cell.getValueProviders().get("text").apply(row)).isEqualTo("mail@example.com");
        assertThat(cell.getValueProviders().get("href").apply(row)).isEqualTo("mailto:mail@example.com");

        ContextMenuKt._clickItemWithID(_get(MenuBar.class, spec -> spec.withId("column-toggle")),
                "column-toggle-email");
        assertThat(grid.getColumnByKey("email").isVisible()).isFalse();
    }

    @Test
    void dateAndNumberRangesAndEmptyFiltersNarrowTheRows() {
        String token = ScreensFixture.token();
        Record customer = ScreensFixture.customer(records, staff, token + " Buyer", "east_china");
        for (int i = 1; i <= 3; i++) {
            records.create(staff, "purchase", Map.of("customer", customer.id(), "purchased_on",
                    LocalDate.of(2026, i, 10), "product", token + " P" + i, "quantity", (long) i * 10,
                    "amount", new Money(new BigDecimal("100.00"), "CNY")));
        }
        signIn("staff");
        UI.getCurrent().navigate("forms/purchase");
        search(token);
        Grid<Record> grid = grid();
        assertThat(products(grid)).hasSize(3);

        addFilter("purchase", "purchased_on");
        _setValue(_get(DatePicker.class, spec -> spec.withId("filter-purchased_on-from")), LocalDate.of(2026, 2, 1));
        assertThat(products(grid)).containsExactlyInAnyOrder(token + " P2", token + " P3");
        _setValue(_get(DatePicker.class, spec -> spec.withId("filter-purchased_on-to")), LocalDate.of(2026, 2, 28));
        assertThat(products(grid)).containsExactly(token + " P2");
        _click(_get(Button.class, spec -> spec.withId("filter-purchased_on-remove")));

        addFilter("purchase", "quantity");
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("filter-quantity-from")), new BigDecimal("15"));
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("filter-quantity-to")), new BigDecimal("30"));
        assertThat(products(grid)).containsExactlyInAnyOrder(token + " P2", token + " P3");
        KaribuSession.signOut();

        records.create(staff, "customer", Map.of("name", token + " WithMail", "customer_type", "company",
                "phone", ScreensFixture.phone(), "email", "x@example.com"));
        signIn("staff");
        UI.getCurrent().navigate("forms/customer");
        search(token);
        Grid<Record> customers = grid();
        addFilter("customer", "email");
        @SuppressWarnings("unchecked")
        Select<FieldFilter.Mode> mode = _get(Select.class, spec -> spec.withId("filter-email-mode"));
        _setValue(mode, FieldFilter.Mode.EMPTY);
        assertThat(names(customers)).containsExactly(token + " Buyer");
        _setValue(mode, FieldFilter.Mode.NOT_EMPTY);
        assertThat(names(customers)).containsExactly(token + " WithMail");
    }

    @Test
    void theDownloadedCsvHoldsTheFilteredRowsReadableColumnsOnlyAndNeutralisedFormulas() {
        String token = ScreensFixture.token();
        Record evil = ScreensFixture.customer(records, staff, "=cmd|' /C calc'!A0 " + token, "east_china");
        records.update(manager, "customer", evil.id(), evil.rowVersion(), Map.of("credit_note", "secret " + token));
        ScreensFixture.customer(records, staff, "Other " + token, "south_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer");
        search(token);
        addFilter("customer", "region");
        @SuppressWarnings("unchecked")
        var regions = (com.vaadin.flow.component.combobox.MultiSelectComboBox<String>) _get(
                com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withId("filter-region-value"));
        _setValue(regions, Set.of("east_china"));

        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-csv"))),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).contains("'=cmd|").doesNotContain("Other " + token)
                .doesNotContain("secret").doesNotContain("Credit note");
        byte[] xlsx = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("export-xlsx")));
        assertThat(xlsx).startsWith((byte) 'P', (byte) 'K');
    }

    @Test
    void aFieldOnlyManagersMayReadHasNoColumnFilterOrToggleForStaff() {
        signIn("staff");
        UI.getCurrent().navigate("forms/customer");
        assertThat(grid().getColumnByKey("credit_note")).isNull();
        assertThat(fieldPicker().getListDataView().getItems().map(FieldDefinition::id)).doesNotContain("credit_note");
        assertThat(_find(com.vaadin.flow.component.contextmenu.MenuItem.class,
                spec -> spec.withId("column-toggle-credit_note"))).isEmpty();
        KaribuSession.signOut();

        signIn("manager");
        UI.getCurrent().navigate("forms/customer");
        assertThat(grid().getColumnByKey("credit_note")).isNotNull();
    }

    @Test
    void leavingARecordWithUnsavedChangesAsksAndKeepsThemUnlessDiscarded() {
        Record customer = ScreensFixture.customer(records, staff, ScreensFixture.token() + " Dirty", "east_china");
        signIn("staff");
        UI.getCurrent().navigate("forms/customer/" + customer.id());
        _setValue(_get(TextField.class, spec -> spec.withId("field-name")), "Changed but not saved");

        UI.getCurrent().navigate("forms/customer");
        ConfirmDialog ask = _get(ConfirmDialog.class, spec -> spec.withId("unsaved-dialog"));
        assertThat(ConfirmDialogKt.getHeader(ask)).isEqualTo("Unsaved changes");
        ConfirmDialogKt._fireCancel(ask);
        assertThat(_find(RecordView.class)).hasSize(1);
        assertThat(_get(TextField.class, spec -> spec.withId("field-name")).getValue())
                .isEqualTo("Changed but not saved");

        UI.getCurrent().navigate("forms/customer");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("unsaved-dialog")));
        assertThat(_find(RecordListView.class)).hasSize(1);
        assertThat(records.get(staff, "customer", customer.id()).orElseThrow().get("name"))
                .isEqualTo(customer.get("name"));
    }

    private void addFilter(String formId, String fieldId) {
        _setValue(fieldPicker(), catalog.published(formId).orElseThrow().field(fieldId).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<FieldDefinition> fieldPicker() {
        return _get(ComboBox.class, spec -> spec.withId("filter-add"));
    }

    private static List<Object> products(Grid<Record> grid) {
        return GridKt._fetch(grid, 0, 100).stream().map(r -> r.get("product")).toList();
    }
}
