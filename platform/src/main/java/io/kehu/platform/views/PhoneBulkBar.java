package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Bulk actions on a phone, where the list is cards and has no selection column: "选择" in the toolbar turns the cards
 * into tick boxes, and this bar, kept at the bottom of the screen (kehu.css), says how many are ticked and offers the
 * same actions as the desktop's bulk bar ({@link BulkActions}: hand to another owner, delete) once one is, with
 * "完成" to go back to opening records by a tap. Users who have no bulk action on the form get no "选择" at all.
 */
final class PhoneBulkBar extends Div {

    private final BulkActions actions;
    private final RecordCards cards;
    private final Button choose;
    private final Span hint = new Span();

    PhoneBulkBar(BulkActions actions, RecordCards cards) {
        this.actions = actions;
        this.cards = cards;
        setId("phone-bulk-bar");
        addClassName("kehu-phone-bulk");
        hint.setId("phone-bulk-hint");
        hint.setText(getTranslation("mobile.chooseHint"));
        Button done = new Button(getTranslation("mobile.chooseDone"), click -> stop());
        done.setId("phone-bulk-done");
        done.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div top = new Div(hint, done);
        top.addClassName("kehu-phone-bulk-top");
        actions.addClassName("kehu-phone-bulk-actions");
        actions.setWrap(true);
        actions.setVisible(false);
        add(top, actions);
        setVisible(false);
        if (actions.hasActions()) {
            choose = new Button(getTranslation("mobile.choose.button"), VaadinIcon.CHECK_SQUARE_O.create(),
                    click -> start());
            choose.setId("compact-choose");
        } else {
            choose = null;
        }
    }

    /** The toolbar's "选择" button; {@code null} when the user has no bulk action on this list. */
    Button chooseButton() {
        return choose;
    }

    private void start() {
        setVisible(true);
        choose.setVisible(false);
        cards.choosing(true, this::chosen);
    }

    private void stop() {
        cards.choosing(false, count -> { });
        setVisible(false);
        actions.setVisible(false);
        choose.setVisible(true);
    }

    private void chosen(int count) {
        hint.setVisible(count == 0);
        actions.showFor(count);
    }
}
