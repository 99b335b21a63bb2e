package io.kehu.platform.plugins;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.kehu.platform.plugins.ui.PluginPage;
import io.kehu.platform.ui.MainLayout;
import io.kehu.sdk.ui.PublicPage;
import io.kehu.sdk.ui.ViewContribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Registers plugin views as Vaadin routes {@code apps/<plugin id>/<path>} at run time and removes them again, in
 * the application-scope route registry ({@code RouteConfiguration.forApplicationScope()} is the same registry; it is
 * reached through the service's context here because plugins start before the first request, when no Vaadin service
 * is "current"). Every path is served by {@link PluginPage}, which builds the plugin's component per visit, so
 * Vaadin never instantiates a plugin class and the plugin's class loader is not referenced by the registry.
 */
@Component
public class PluginRoutes implements VaadinServiceInitListener {

    private static final Pattern PATH = Pattern.compile("[a-z0-9]+([-/][a-z0-9]+)*");

    private final Set<ApplicationRouteRegistry> registries = new CopyOnWriteArraySet<>();
    private final Map<String, PluginView> views = new ConcurrentHashMap<>();

    /**
     * A registered plugin view.
     *
     * @param plugin the plugin
     * @param contribution its extension
     */
    public record PluginView(ActivePlugin plugin, ViewContribution contribution) {
    }

    /**
     * A registered public page ({@code public/<plugin id>/<path>}, no sign-in, served by {@link PublicPluginPage}).
     *
     * @param plugin the plugin
     * @param page its extension
     */
    record PublicView(ActivePlugin plugin, PublicPage page) {
    }

    private final Map<String, PublicView> publicViews = new ConcurrentHashMap<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(event.getSource().getContext());
        registries.add(registry);
        event.getSource().addServiceDestroyListener(destroyed -> registries.remove(registry));
        register(registry, List.copyOf(views.keySet()));
        registerPublic(registry, List.copyOf(publicViews.keySet()));
    }

    /** The route path of a plugin's view path. */
    public static String routeOf(String pluginId, String path) {
        return "apps/" + pluginId + "/" + path;
    }

    /** Adds the routes of a starting plugin; refuses bad or duplicate paths before registering any. */
    void add(ActivePlugin plugin) {
        List<String> paths = new ArrayList<>();
        Map<String, PluginView> added = new java.util.LinkedHashMap<>();
        for (ViewContribution view : plugin.get(ViewContribution.class)) {
            String path = view.path();
            if (path == null || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("View path '" + path + "' of " + view.getClass().getName()
                        + " is not lower-case words separated by '/' or '-'.");
            }
            String route = routeOf(plugin.pluginId(), path);
            if (added.put(route, new PluginView(plugin, view)) != null) {
                throw new IllegalArgumentException("Two views of the plugin use the path '" + path + "'.");
            }
            paths.add(route);
        }
        Map<String, PublicView> addedPublic = new java.util.LinkedHashMap<>();
        for (PublicPage page : plugin.get(PublicPage.class)) {
            String path = page.path();
            if (path == null || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("Public page path '" + path + "' of " + page.getClass().getName()
                        + " is not lower-case words separated by '/' or '-'.");
            }
            if (addedPublic.put(publicRouteOf(plugin.pluginId(), path), new PublicView(plugin, page)) != null) {
                throw new IllegalArgumentException("Two public pages of the plugin use the path '" + path + "'.");
            }
        }
        views.putAll(added);
        publicViews.putAll(addedPublic);
        List<String> publicPaths = List.copyOf(addedPublic.keySet());
        registries.forEach(r -> register(r, paths));
        registries.forEach(r -> registerPublic(r, publicPaths));
    }

    /** The route path of a plugin's public page: {@code public/<plugin id>/<path>}. */
    static String publicRouteOf(String pluginId, String path) {
        return "public/" + pluginId + "/" + path;
    }

    Optional<PublicView> publicView(String route) {
        return Optional.ofNullable(publicViews.get(route));
    }

    /** Removes every route of a stopping plugin. */
    void remove(String pluginId) {
        List<String> paths = views.entrySet().stream()
                .filter(e -> e.getValue().plugin().pluginId().equals(pluginId)).map(Map.Entry::getKey).toList();
        paths.forEach(views::remove);
        List<String> publicPaths = publicViews.entrySet().stream()
                .filter(e -> e.getValue().plugin().pluginId().equals(pluginId)).map(Map.Entry::getKey).toList();
        publicPaths.forEach(publicViews::remove);
        for (ApplicationRouteRegistry registry : registries) {
            RouteConfiguration config = RouteConfiguration.forRegistry(registry);
            registry.update(() -> {
                paths.forEach(config::removeRoute);
                publicPaths.forEach(config::removeRoute);
            });
        }
    }

    public Optional<PluginView> view(String route) {
        return Optional.ofNullable(views.get(route));
    }

    public boolean hasView(String pluginId, String path) {
        return views.containsKey(routeOf(pluginId, path));
    }

    /** Public pages have no layout: a visitor sees neither the menu nor anything of the app around the page. */
    private static void registerPublic(ApplicationRouteRegistry registry, List<String> paths) {
        RouteConfiguration config = RouteConfiguration.forRegistry(registry);
        registry.update(() -> paths.stream().filter(p -> config.getRoute(p).isEmpty())
                .forEach(p -> config.setRoute(p, PublicPluginPage.class)));
    }

    private static void register(ApplicationRouteRegistry registry, List<String> paths) {
        RouteConfiguration config = RouteConfiguration.forRegistry(registry);
        registry.update(() -> paths.stream().filter(p -> config.getRoute(p).isEmpty())
                .forEach(p -> config.setRoute(p, PluginPage.class, MainLayout.class)));
    }
}
