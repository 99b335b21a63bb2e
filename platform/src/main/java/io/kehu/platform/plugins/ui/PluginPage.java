package io.kehu.platform.plugins.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import io.kehu.platform.plugins.ActivePlugin;
import io.kehu.platform.plugins.PluginRegistry;
import io.kehu.platform.plugins.PluginRoutes;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.sdk.records.RecordException;
import jakarta.annotation.security.PermitAll;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The route target of every plugin view ({@link PluginRoutes}): finds the plugin's {@code ViewContribution} for the
 * visited path and shows what it builds. A plugin stopped in the meantime gives "not found"; a view that throws shows
 * a short notice instead of breaking the page. Users without one of the view's roles get "not found" too, so
 * links reveal nothing.
 */
@PermitAll
public class PluginPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PluginRoutes routes;
    private final PluginRegistry registry;
    private final CurrentUser user;
    private String title = "";

    PluginPage(PluginRoutes routes, PluginRegistry registry, CurrentUser user) {
        this.routes = routes;
        this.registry = registry;
        this.user = user;
        setId("plugin-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PluginRoutes.PluginView view = routes.view(event.getLocation().getPath()).orElse(null);
        if (view == null || !mayOpen(view.contribution().roles())) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        title = view.contribution().title().in(getLocale());
        add(contentOrNotice(registry, view.plugin(), view.contribution(),
                () -> view.contribution().create(view.plugin().context())));
    }

    /**
     * What a plugin's page builds, or a short notice naming the plugin when it throws (reported against the plugin),
     * so a broken plugin never breaks the page around it. Used by signed-in and public plugin pages alike.
     */
    public static Component contentOrNotice(PluginRegistry registry, ActivePlugin plugin, Object extension,
            Supplier<Component> build) {
        try {
            return build.get();
        } catch (RecordException refusal) {
            // a refusal the plugin raised on purpose (e.g. a record it may not show): said in the user's language,
            // not counted against the plugin
            Paragraph notice = new Paragraph();
            notice.setText(refusal.text().in(com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.ENGLISH
                    : com.vaadin.flow.component.UI.getCurrent().getLocale()));
            notice.setId("plugin-view-refused");
            return notice;
        } catch (RuntimeException | LinkageError e) {
            registry.reportError(plugin.pluginId(), extension.getClass().getName(), e);
            Paragraph notice = new Paragraph();
            notice.setText(notice.getTranslation("plugins.view.failed", plugin.name()));
            notice.setId("plugin-view-failed");
            return notice;
        }
    }

    private boolean mayOpen(Set<String> roles) {
        return roles.isEmpty() || roles.stream().anyMatch(r -> {
            try {
                return user.hasRole(Role.valueOf(r));
            } catch (IllegalArgumentException unknownRole) {
                return false;
            }
        });
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
