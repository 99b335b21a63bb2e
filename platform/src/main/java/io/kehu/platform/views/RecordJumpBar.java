package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;

/**
 * A row of chips under a record's title, one per tab of the record (profile, contacts, timeline, interactions,
 * purchases, history...): on a phone the tabs sit below the whole form, several screens down, and a chip opens the tab
 * and scrolls to it in one tap. The row scrolls sideways when the chips do not fit; wider screens hide it (kehu.css),
 * since the tabs are in sight there.
 */
final class RecordJumpBar extends Div {

    RecordJumpBar(TabSheet tabs) {
        setId("record-jump-bar");
        addClassName("kehu-jump-bar");
        getElement().setAttribute("role", "navigation");
        getElement().setAttribute("aria-label", getTranslation("mobile.jump"));
        for (int i = 0; i < tabs.getTabCount(); i++) {
            Tab tab = tabs.getTabAt(i);
            Button chip = new Button(tab.getLabel(), click -> {
                tabs.setSelectedTab(tab);
                tabs.scrollIntoView();
            });
            chip.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            chip.addClassName("kehu-jump-chip");
            if (tab.getId().isPresent()) {
                chip.setId("jump-" + tab.getId().get());
            }
            add(chip);
        }
        setVisible(tabs.getTabCount() > 0);
    }
}
