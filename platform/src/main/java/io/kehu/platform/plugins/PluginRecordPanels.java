package io.kehu.platform.plugins;

import com.vaadin.flow.component.Component;
import io.kehu.sdk.ui.RecordPanel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;
import org.springframework.stereotype.Service;

/**
 * The record-view tabs plugins contribute ({@link RecordPanel}), for the record view to show: ask
 * {@link #panels(String, Locale)} with the form id and add one tab per result.
 */
@Service
public class PluginRecordPanels {

    private final PluginRegistry registry;

    PluginRecordPanels(PluginRegistry registry) {
        this.registry = registry;
    }

    /**
     * One plugin tab.
     *
     * @param pluginId the plugin
     * @param title the tab title in the requested language
     * @param content builds the tab's content for a record id; empty when the plugin's panel failed (reported on
     *                the Plugins screen)
     */
    public record Panel(String pluginId, String title, LongFunction<Optional<Component>> content) {
    }

    /** The tabs for records of {@code formId}. */
    public List<Panel> panels(String formId, Locale locale) {
        return registry.contributions(RecordPanel.class).stream()
                .filter(c -> formId.equals(safeFormId(c)))
                .map(c -> new Panel(c.plugin().pluginId(), c.extension().title().in(locale), id -> {
                    try {
                        return Optional.of(c.extension().create(c.plugin().context(), id));
                    } catch (RuntimeException | LinkageError e) {
                        registry.reportError(c.plugin().pluginId(), c.extension().getClass().getName(), e);
                        return Optional.empty();
                    }
                }))
                .toList();
    }

    private String safeFormId(PluginRegistry.Contribution<RecordPanel> c) {
        try {
            return c.extension().formId();
        } catch (RuntimeException | LinkageError e) {
            registry.reportError(c.plugin().pluginId(), c.extension().getClass().getName(), e);
            return null;
        }
    }
}
