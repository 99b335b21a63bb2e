package io.kehu.platform.webhooks;

import java.time.Instant;
import java.util.Set;

/**
 * A receiver admins subscribed. Its secrets are not part of this view: they are shown once when made.
 *
 * @param id the endpoint
 * @param url where events are POSTed
 * @param description what it is for, or null
 * @param format the body it receives
 * @param eventTypes the event types it receives
 * @param formIds the forms whose events it receives; empty means every form
 * @param pluginIds the plugins whose events it receives (with {@link EventType#PLUGIN}); empty means every plugin
 * @param rule the Groovy condition records must meet, or null
 * @param ruleProblem why the rule last failed or was refused when an event was written, or null
 * @param ruleProblemAt when, or null
 * @param channel the name workflows' {@code notify} actions use for it, or null
 * @param robotSigned whether a robot signing secret is set (DingTalk, Feishu)
 * @param enabled whether deliveries go out
 * @param consecutiveFailures failed attempts since the last success
 * @param disabledReason why the platform switched it off, or null
 * @param disabledAt when, or null
 * @param rotating whether a previous secret still signs (a rotation is under way)
 */
public record WebhookEndpoint(long id, String url, String description, PayloadFormat format, Set<EventType> eventTypes,
        Set<String> formIds, Set<String> pluginIds, String rule, String ruleProblem, Instant ruleProblemAt,
        String channel, boolean robotSigned, boolean enabled, int consecutiveFailures, String disabledReason,
        Instant disabledAt, boolean rotating) {

    public WebhookEndpoint {
        eventTypes = Set.copyOf(eventTypes);
        formIds = Set.copyOf(formIds);
        pluginIds = Set.copyOf(pluginIds);
    }

    /**
     * Whether an event named {@code name} of {@code type} on {@code formId} goes to this endpoint, before its rule.
     * Events without a form (a plugin's bus event) pass the form choice.
     */
    public boolean wants(EventType type, String name, String formId) {
        if (!eventTypes.contains(type)) {
            return false;
        }
        if (type == EventType.PLUGIN && !pluginIds.isEmpty() && !pluginIds.contains(EventType.pluginOf(name))) {
            return false;
        }
        return formId == null || formIds.isEmpty() || formIds.contains(formId);
    }

    /** Whether an event of one of the fixed types on {@code formId} goes to this endpoint, before its rule. */
    public boolean wants(EventType type, String formId) {
        return wants(type, type.wireName(), formId);
    }
}
