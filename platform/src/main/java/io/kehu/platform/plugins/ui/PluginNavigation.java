package io.kehu.platform.plugins.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.plugins.PluginRegistry;
import io.kehu.platform.plugins.PluginRoutes;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.ui.NavigationContributor;
import io.kehu.platform.ui.NavigationEntry;
import io.kehu.platform.ui.NavigationGroup;
import io.kehu.sdk.ui.NavItem;
import io.kehu.sdk.ui.NavigationContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Side-navigation links: the Plugins screen for admins, and the "Apps" links of every started plugin (only those that
 * point at one of the plugin's registered views the user may open). Asked each time a page layout is built, so links
 * come and go with their plugins.
 */
@Component
public class PluginNavigation implements NavigationContributor {

    private final PluginRegistry registry;
    private final PluginRoutes routes;
    private final Messages messages;

    PluginNavigation(PluginRegistry registry, PluginRoutes routes, Messages messages) {
        this.registry = registry;
        this.routes = routes;
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        List<NavigationEntry> entries = new ArrayList<>();
        if (user.hasRole(Role.ADMIN)) {
            entries.add(new NavigationEntry(NavigationGroup.ADMIN, 40,
                    messages.getTranslation("plugins.nav", locale), PluginsView.ROUTE, VaadinIcon.PLUG));
        }
        for (var c : registry.contributions(NavigationContribution.class)) {
            List<NavItem> items;
            try {
                items = c.extension().items();
            } catch (RuntimeException | LinkageError e) {
                registry.reportError(c.plugin().pluginId(), c.extension().getClass().getName(), e);
                continue;
            }
            for (NavItem item : items) {
                String pluginId = c.plugin().pluginId();
                if (item.path() != null && routes.hasView(pluginId, item.path()) && mayOpen(user, pluginId, item)) {
                    entries.add(new NavigationEntry(NavigationGroup.APPS, item.order(), item.label().in(locale),
                            PluginRoutes.routeOf(pluginId, item.path()), icon(item.icon())));
                }
            }
        }
        return entries;
    }

    private boolean mayOpen(CurrentUser user, String pluginId, NavItem item) {
        return routes.view(PluginRoutes.routeOf(pluginId, item.path()))
                .map(v -> v.contribution().roles())
                .map(roles -> roles.isEmpty() || roles.stream().anyMatch(r -> hasRole(user, r)))
                .orElse(false);
    }

    private static boolean hasRole(CurrentUser user, String role) {
        try {
            return user.hasRole(Role.valueOf(role));
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static VaadinIcon icon(String name) {
        if (name == null || name.isBlank()) {
            return VaadinIcon.PUZZLE_PIECE;
        }
        try {
            return VaadinIcon.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return VaadinIcon.PUZZLE_PIECE;
        }
    }
}
