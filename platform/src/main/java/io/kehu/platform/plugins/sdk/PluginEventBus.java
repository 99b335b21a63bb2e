package io.kehu.platform.plugins.sdk;

import io.kehu.platform.plugins.PluginEventPublished;
import io.kehu.sdk.events.PluginEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The in-memory bus behind {@code PluginContext.events()}: synchronous, per node. Subscriptions remember their plugin
 * so that stopping a plugin drops them all (no listener of an unloaded class loader stays reachable). Every event is
 * also published to the platform as a {@link PluginEventPublished} (webhooks pass plugin events on to subscribers).
 */
@Component
public class PluginEventBus {

    private static final Logger log = LoggerFactory.getLogger(PluginEventBus.class);

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ApplicationEventPublisher platform;

    PluginEventBus(ApplicationEventPublisher platform) {
        this.platform = platform;
    }

    void publish(PluginEvent event) {
        // The platform's listeners first: a failure there (the outbox's write) reaches the plugin, as a write's would.
        platform.publishEvent(new PluginEventPublished(event.sourcePlugin(), event.topic(), event.payload()));
        for (Subscription s : subscriptions) {
            if (s.topic().equals(event.topic())) {
                try {
                    s.subscriber().accept(event);
                } catch (RuntimeException | LinkageError e) {
                    log.warn("Plugin {} failed on event {}: {}", s.pluginId(), event.topic(), e.toString());
                }
            }
        }
    }

    AutoCloseable subscribe(String pluginId, String topic, Consumer<PluginEvent> subscriber) {
        Subscription subscription = new Subscription(pluginId, topic, subscriber);
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    /** Drops every subscription of a stopping plugin. */
    void forget(String pluginId) {
        subscriptions.removeIf(s -> s.pluginId().equals(pluginId));
    }

    private record Subscription(String pluginId, String topic, Consumer<PluginEvent> subscriber) {
    }
}
