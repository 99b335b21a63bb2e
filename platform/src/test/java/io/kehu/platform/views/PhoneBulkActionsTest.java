package io.kehu.platform.views;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.RouterLink;
import io.kehu.platform.records.Record;
import io.kehu.platform.security.UserAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk actions on a 390 px phone, where the list is cards (issue #16): "选择" turns the cards into tick boxes, the bar
 * at the bottom offers what the desktop's bulk bar offers for the user's role, and the store's own checks apply.
 */
class PhoneBulkActionsTest extends ScreensTest {

    @Test
    void aManagerTicksCardsAndHandsThemToAnotherAccountManager() {
        String token = ScreensFixture.token();
        Record a = ScreensFixture.customer(records, manager, token + " A", "east_china");
        Record b = ScreensFixture.customer(records, manager, token + " B", "east_china");
        Record c = ScreensFixture.customer(records, manager, token + " C", "east_china");
        phone("manager");
        search(token);
        RecordCards cards = _get(RecordCards.class, spec -> spec.withId("record-cards"));
        assertThat(_find(PhoneBulkBar.class, spec -> spec.withId("phone-bulk-bar"))).as("no bar before choosing")
                .isEmpty();
        assertThat(card(cards, a)).as("a tap opens the record").isInstanceOf(Div.class);
        assertThat(_find((Div) card(cards, a), RouterLink.class)).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("compact-choose")));
        assertThat(_get(PhoneBulkBar.class, spec -> spec.withId("phone-bulk-bar")).isVisible()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("phone-bulk-hint")).getText())
                .isEqualTo("Tap cards to select records for a bulk action");
        assertThat(_find(BulkActions.class, spec -> spec.withId("bulk-actions"))).as("no actions on nothing")
                .isEmpty();
        Div cardA = (Div) card(cards, a);
        assertThat(_find(cardA, RouterLink.class)).as("while choosing a tap ticks, it does not open").isEmpty();
        _setValue(_get(cardA, Checkbox.class, spec -> spec.withId("card-choose-" + a.id())), true);
        // a tap on the card's text ticks it too
        Div cardB = (Div) card(cards, b);
        Div textB = (Div) cardB.getChildren().findFirst().orElseThrow().getChildren()
                .filter(ch -> ch.getClassNames().contains("kehu-card-open")).findFirst().orElseThrow();
        ComponentUtil.fireEvent(textB, new com.vaadin.flow.component.ClickEvent<>(textB));
        assertThat(_get(cardB, Checkbox.class).getValue()).isTrue();
        assertThat(cardB.getClassNames()).contains("kehu-card-chosen");
        assertThat(_get(Span.class, spec -> spec.withId("bulk-selected")).getText()).isEqualTo("2 selected");
        assertThat(_find(Span.class, spec -> spec.withId("phone-bulk-hint"))).isEmpty();

        @SuppressWarnings("unchecked")
        ComboBox<UserAccount> assignee = _get(ComboBox.class, spec -> spec.withId("bulk-assignee"));
        _setValue(assignee, accounts.findByUsername("staff").orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("bulk-assign")));

        NotificationsKt.expectNotifications("2 of 2 records changed");
        for (Record r : List.of(a, b)) {
            assertThat(records.get(staff, "customer", r.id()).orElseThrow().get("account_manager"))
                    .isEqualTo(staff.userId());
        }
        assertThat(records.get(staff, "customer", c.id())).as("the unticked card kept its owner").isEmpty();
        assertThat(cards.chosen()).as("the list changed: nothing ticked any more").isEmpty();
        assertThat(_get((Div) card(cards, a), Checkbox.class).getValue()).isFalse();

        _click(_get(Button.class, spec -> spec.withId("phone-bulk-done")));
        assertThat(_find(PhoneBulkBar.class, spec -> spec.withId("phone-bulk-bar"))).isEmpty();
        assertThat(_find((Div) card(cards, a), RouterLink.class)).as("a tap opens records again").hasSize(1);
    }

    @Test
    void staffMayDeleteTheirTickedCardsAfterConfirmingButNotHandThemToOthers() {
        String token = ScreensFixture.token();
        Record mine = ScreensFixture.customer(records, staff, token + " Mine", "east_china");
        Record kept = ScreensFixture.customer(records, staff, token + " Kept", "east_china");
        phone("staff");
        search(token);
        RecordCards cards = _get(RecordCards.class, spec -> spec.withId("record-cards"));
        _click(_get(Button.class, spec -> spec.withId("compact-choose")));
        _setValue(_get((Div) card(cards, mine), Checkbox.class), true);

        assertThat(_find(ComboBox.class, spec -> spec.withId("bulk-assignee")))
                .as("STAFF may not hand records to others").isEmpty();
        _click(_get(Button.class, spec -> spec.withId("bulk-delete")));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("bulk-delete-confirm"));
        assertThat(ConfirmDialogKt.getText(confirm)).contains("Delete the 1 selected records?");
        ConfirmDialogKt._fireConfirm(confirm);
        NotificationsKt.expectNotifications("1 of 1 records changed");
        assertThat(records.get(staff, "customer", mine.id())).isEmpty();
        assertThat(records.get(staff, "customer", kept.id())).isPresent();
    }

    /** Signed in as {@code username} on the customer list, in a window the browser reports 390 px wide. */
    private void phone(String username) {
        signIn(username);
        UI.getCurrent().navigate("forms/customer");
        MockVaadin.clientRoundtrip(false); // Karibu's own (desktop) browser details arrive first
        ScreenWidth.reported(UI.getCurrent(), 390); // then the phone's, as its resize event would: the list rebuilds
        assertThat(ScreenWidth.narrow(UI.getCurrent())).as("the window is a phone's").isTrue();
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("record-grid"))).isEmpty();
    }

    /**
     * The card the list renders for {@code record} (found by id among the cards' first page), put on the screen as
     * the browser's virtual list would: Karibu does not render a virtual list's items.
     */
    private static Component card(RecordCards cards, Record record) {
        Record shown = cards.getDataProvider().fetch(new Query<>(0, 50, List.of(), null, null))
                .filter(r -> r.id() == record.id()).findFirst().orElseThrow();
        Component card = cards.card(shown);
        UI.getCurrent().add(card);
        return card;
    }
}
