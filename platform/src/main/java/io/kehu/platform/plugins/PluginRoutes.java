package io.kehu.platform.plugins;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.kehu.platform.ui.MainLayout;
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
class PluginRoutes implements VaadinServiceInitListener {

    private static final Pattern PATH = Pattern.compile("[a-z0-9]+([-/][a-z0-9]+)*");

    private final Set<ApplicationRouteRegistry> registries = new CopyOnWriteArraySet<>();
    private final Map<String, PluginView> views = new ConcurrentHashMap<>();

    /**
     * A registered plugin view.
     *
     * @param plugin the plugin
     * @param contribution its extension
     */
    record PluginView(ActivePlugin plugin, ViewContribution contribution) {
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(event.getSource().getContext());
        registries.add(registry);
        event.getSource().addServiceDestroyListener(destroyed -> registries.remove(registry));
        register(registry, List.copyOf(views.keySet()));
    }

    /** The route path of a plugin's view path. */
    static String routeOf(String pluginId, String path) {
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
        views.putAll(added);
        registries.forEach(r -> register(r, paths));
    }

    /** Removes every route of a stopping plugin. */
    void remove(String pluginId) {
        List<String> paths = views.entrySet().stream()
                .filter(e -> e.getValue().plugin().pluginId().equals(pluginId)).map(Map.Entry::getKey).toList();
        paths.forEach(views::remove);
        for (ApplicationRouteRegistry registry : registries) {
            RouteConfiguration config = RouteConfiguration.forRegistry(registry);
            registry.update(() -> paths.forEach(config::removeRoute));
        }
    }

    Optional<PluginView> view(String route) {
        return Optional.ofNullable(views.get(route));
    }

    boolean hasView(String pluginId, String path) {
        return views.containsKey(routeOf(pluginId, path));
    }

    private static void register(ApplicationRouteRegistry registry, List<String> paths) {
        RouteConfiguration config = RouteConfiguration.forRegistry(registry);
        registry.update(() -> paths.stream().filter(p -> config.getRoute(p).isEmpty())
                .forEach(p -> config.setRoute(p, PluginPage.class, MainLayout.class)));
    }
}
