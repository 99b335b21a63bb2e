package io.kehu.platform.plugins;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.kehu.platform.plugins.ui.PluginPage;

/**
 * The route target of every plugin's public page ({@code PublicPage}, {@code public/<plugin id>/<path>}): open
 * without sign-in and without the app's layout, rate-limited per address ({@link PublicPageLimits}). A stopped
 * plugin's page is "not found"; a page that throws shows a short notice.
 */
@AnonymousAllowed
public class PublicPluginPage extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final PluginRoutes routes;
    private final PluginRegistry registry;
    private final PublicPageLimits limits;
    private String title = "";

    PublicPluginPage(PluginRoutes routes, PluginRegistry registry, PublicPageLimits limits) {
        this.routes = routes;
        this.registry = registry;
        this.limits = limits;
        setId("public-plugin-page");
        setMaxWidth("40rem");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        PluginRoutes.PublicView view = routes.publicView(event.getLocation().getPath()).orElse(null);
        if (view == null) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        removeAll();
        title = view.page().title().in(getLocale());
        VaadinRequest request = VaadinRequest.getCurrent();
        if (!limits.allow(request == null ? null : request.getRemoteAddr(), System.currentTimeMillis())) {
            Paragraph busy = new Paragraph(getTranslation("plugins.public.limited"));
            busy.setId("public-page-limited");
            add(busy);
            return;
        }
        add(PluginPage.contentOrNotice(registry, view.plugin(), view.page(), () -> view.page()
                .create(view.plugin().context(), event.getLocation().getQueryParameters().getParameters())));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
