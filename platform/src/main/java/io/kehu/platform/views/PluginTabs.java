package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.TabSheet;
import io.kehu.platform.plugins.PluginRecordPanels;
import java.util.List;
import java.util.Optional;

/**
 * The tabs plugins add to a saved record (e.g. loyalty points on a customer). Each is built when the user first opens
 * it, inside a guard: a plugin panel that throws or returns nothing shows an error text in its own tab, and the rest
 * of the record view carries on. The plugin host records the failure on the Plugins screen.
 */
final class PluginTabs {

    private PluginTabs() {
    }

    static void add(TabSheet tabs, List<PluginRecordPanels.Panel> panels, long recordId) {
        for (PluginRecordPanels.Panel panel : panels) {
            LazyTabs.add(tabs, panel.title(), "plugin-tab-" + panel.pluginId(), () -> {
                Div content = new Div();
                content.setId("plugin-panel-" + panel.pluginId());
                content.setWidthFull();
                content.add(build(panel, recordId, tabs));
                return content;
            });
        }
    }

    private static Component build(PluginRecordPanels.Panel panel, long recordId, Component host) {
        Optional<Component> built;
        try {
            built = panel.content().apply(recordId);
        } catch (RuntimeException | LinkageError failed) {
            built = Optional.empty();
        }
        if (built.isPresent()) {
            return built.get();
        }
        Div error = new Div();
        error.setId("plugin-panel-error-" + panel.pluginId());
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setText(host.getTranslation("views.plugin.failed", panel.pluginId()));
        return error;
    }
}
