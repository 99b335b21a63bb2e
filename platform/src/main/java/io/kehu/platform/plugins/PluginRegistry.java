package io.kehu.platform.plugins;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The started plugins and their extension instances, read by every bridge on every request; plus the last error
 * each plugin's extensions raised while being called (shown on the Plugins screen). Thread-safe: plugins start and
 * stop while users work.
 */
@Component
public class PluginRegistry {

    private final Map<String, ActivePlugin> active = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    /**
     * The contributions per extension point for the plugins started now, computed on first ask and replaced (after
     * {@link #active} changed) whenever a plugin starts or stops. The write path asks for every record of a bulk
     * write (the record listeners' guard): sorting and flattening the plugins each time was a tenth of the loyalty
     * bulk award's JVM time. A reader still holding the replaced map only fills a map nobody asks again.
     */
    private volatile Map<Class<?>, List<?>> byPoint = new ConcurrentHashMap<>();

    public void add(ActivePlugin plugin) {
        lastErrors.remove(plugin.pluginId());
        active.put(plugin.pluginId(), plugin);
        byPoint = new ConcurrentHashMap<>();
    }

    Optional<ActivePlugin> remove(String pluginId) {
        Optional<ActivePlugin> removed = Optional.ofNullable(active.remove(pluginId));
        byPoint = new ConcurrentHashMap<>();
        return removed;
    }

    public Optional<ActivePlugin> get(String pluginId) {
        return Optional.ofNullable(active.get(pluginId));
    }

    /** The started plugins, by id. */
    List<ActivePlugin> all() {
        Collection<ActivePlugin> plugins = active.values();
        return plugins.stream().sorted(java.util.Comparator.comparing(ActivePlugin::pluginId)).toList();
    }

    /** Every started plugin's extensions of one point, with their plugin. */
    @SuppressWarnings("unchecked")
    public <T> List<Contribution<T>> contributions(Class<T> point) {
        return (List<Contribution<T>>) byPoint.computeIfAbsent(point, k -> all().stream()
                .flatMap(p -> p.get(point).stream().map(e -> new Contribution<>(p, e))).toList());
    }

    /** Remembers that an extension of {@code pluginId} threw while being called. */
    public void reportError(String pluginId, String extension, Throwable error) {
        lastErrors.put(pluginId, extension + ": " + error);
        org.slf4j.LoggerFactory.getLogger("kehu.plugin." + pluginId).warn("{} failed: {}", extension, error.toString());
    }

    public Optional<String> lastError(String pluginId) {
        return Optional.ofNullable(lastErrors.get(pluginId));
    }

    /**
     * One extension and the plugin it comes from.
     *
     * @param plugin the started plugin
     * @param extension the extension instance
     */
    public record Contribution<T>(ActivePlugin plugin, T extension) {
    }
}
