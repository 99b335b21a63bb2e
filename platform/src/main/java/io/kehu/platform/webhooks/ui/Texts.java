package io.kehu.platform.webhooks.ui;

import com.vaadin.flow.component.Component;
import io.kehu.platform.webhooks.DeliveryStatus;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.webhooks.PayloadFormat;
import io.kehu.platform.webhooks.WebhookEndpoint;
import io.kehu.platform.webhooks.delivery.Courier;

/** The console's words for the feature's enums and states, in the viewer's language. */
final class Texts {

    private Texts() {
    }

    static String event(Component c, EventType type) {
        return c.getTranslation("webhooks.event." + type.name());
    }

    /** A sent event: a plugin's with its own name ("插件事件 plugin.survey.completed"). */
    static String event(Component c, EventType type, String name) {
        return type == EventType.PLUGIN ? c.getTranslation("webhooks.event.pluginNamed", name) : event(c, type);
    }

    static String format(Component c, PayloadFormat format) {
        return c.getTranslation("webhooks.format." + format.name());
    }

    static String delivery(Component c, DeliveryStatus status) {
        return c.getTranslation("webhooks.delivery." + status.name());
    }

    static String state(Component c, WebhookEndpoint e) {
        if (e.enabled()) {
            return c.getTranslation("webhooks.state.enabled");
        }
        return Courier.TOO_MANY_FAILURES.equals(e.disabledReason())
                ? c.getTranslation("webhooks.state.autoDisabled", e.consecutiveFailures())
                : c.getTranslation("webhooks.state.disabled");
    }
}
