package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import java.util.function.Supplier;

/**
 * Tabs whose content is built the first time the user opens them: a record view offers history, related records and
 * plugin panels, but most visits open none of them, so an open record costs the server (memory per session) and the
 * database (queries) only what is looked at.
 */
final class LazyTabs {

    private LazyTabs() {
    }

    /** Adds a tab {@code label} with id {@code tabId}; {@code content} runs once, when the tab is first selected. */
    static Tab add(TabSheet tabs, String label, String tabId, Supplier<Component> content) {
        Div holder = new Div();
        holder.setWidthFull();
        Tab tab = tabs.add(label, holder);
        tab.setId(tabId);
        Runnable build = () -> {
            if (holder.getChildren().findAny().isEmpty()) {
                holder.add(content.get());
            }
        };
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == tab) {
                build.run();
            }
        });
        if (tabs.getSelectedTab() == tab) {
            build.run();
        }
        return tab;
    }
}
