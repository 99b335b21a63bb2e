package io.kehu.platform.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

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
        // what field staff open most, first: the timeline and the related records, then the form's own tabs
        List<Tab> all = IntStream.range(0, tabs.getTabCount()).mapToObj(tabs::getTabAt).toList();
        List<Tab> ordered = new ArrayList<>(all.stream().filter(RecordJumpBar::activity).toList());
        all.stream().filter(t -> !activity(t)).forEach(ordered::add);
        for (Tab tab : ordered) {
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

    private static boolean activity(Tab tab) {
        String id = tab.getId().orElse("");
        return id.equals("timeline-tab") || id.startsWith("related-");
    }
}
