package io.kehu.platform.plugins.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.kehu.platform.plugins.PluginRegistry;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.ui.DashboardContributor;
import io.kehu.sdk.ui.DashboardWidget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Home-page cards from the started plugins' {@link DashboardWidget}s; a widget that throws is left out. */
@org.springframework.stereotype.Component
public class PluginDashboard implements DashboardContributor {

    private final PluginRegistry registry;

    PluginDashboard(PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<Component> widgets(CurrentUser user, Locale locale) {
        List<Component> cards = new ArrayList<>();
        registry.contributions(DashboardWidget.class).stream()
                .sorted(Comparator.comparingInt(c -> order(c)))
                .forEach(c -> {
                    try {
                        Div card = new Div(new H3(c.extension().title().in(locale)),
                                c.extension().create(c.plugin().context()));
                        card.addClassName("kehu-plugin-widget");
                        card.getElement().setAttribute("data-plugin", c.plugin().pluginId());
                        cards.add(card);
                    } catch (RuntimeException | LinkageError e) {
                        registry.reportError(c.plugin().pluginId(), c.extension().getClass().getName(), e);
                    }
                });
        return cards;
    }

    private int order(PluginRegistry.Contribution<DashboardWidget> c) {
        try {
            return c.extension().order();
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
