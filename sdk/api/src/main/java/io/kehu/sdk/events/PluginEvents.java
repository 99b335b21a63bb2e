package io.kehu.sdk.events;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A small in-memory event bus between plugins, on this application node. Topics are free text; prefix them with the
 * plugin id ({@code survey.completed}). Delivery is synchronous, in the publisher's thread; a failing subscriber is
 * logged and does not stop the others. Subscriptions end when the subscribing plugin stops.
 *
 * <pre>{@code
 * context.events().subscribe("survey.completed", event -> context.logger().info("score {}", event.payload().get("score")));
 * context.events().publish("survey.completed", Map.of("score", 9));
 * }</pre>
 */
public interface PluginEvents {

    /** Delivers an event to every current subscriber of {@code topic}. */
    void publish(String topic, Map<String, Object> payload);

    /** Starts listening; close the returned handle to stop early. */
    AutoCloseable subscribe(String topic, Consumer<PluginEvent> subscriber);
}
