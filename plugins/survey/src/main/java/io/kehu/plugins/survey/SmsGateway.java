package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import java.net.URI;
import java.util.Optional;

/**
 * Sends a text message to a phone: how links reach customers by SMS. Kept apart from any provider's SDK — the one
 * implementation here, {@link HttpSmsGateway}, posts to an HTTP gateway the admin configures (address, body template,
 * authorisation; plugin settings {@value #URL}, {@value #TEMPLATE}, {@value #AUTHORIZATION}), which is what SMS
 * providers and in-house gateways offer; another provider is another implementation of this interface.
 */
interface SmsGateway {

    String URL = "sms_gateway_url";
    String TEMPLATE = "sms_body_template";
    String AUTHORIZATION = "sms_authorization";
    /** The body posted when the admin gives none: JSON with the phone and the text. */
    String DEFAULT_TEMPLATE = "{\"to\": \"{phone}\", \"text\": \"{text}\"}";

    /** The gateway did not take the message (unreachable, refused, timed out): the reason, for the log and staff. */
    final class NotSent extends Exception {
        NotSent(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** Sends {@code text} to {@code phone}; returns once the gateway took it. */
    void send(String phone, String text) throws NotSent;

    /** The gateway the admin configured, or empty (no address set: SMS is not offered). */
    static Optional<SmsGateway> configured(PluginContext context) {
        String url = context.settings().get(URL, "").trim();
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                return Optional.empty();
            }
            String template = context.settings().get(TEMPLATE, "").trim();
            return Optional.of(new HttpSmsGateway(uri, template.isEmpty() ? DEFAULT_TEMPLATE : template,
                    context.settings().get(AUTHORIZATION, "").trim()));
        } catch (IllegalArgumentException e) {
            context.logger().warn("survey: the SMS gateway address {} is not a URL, SMS not offered", url);
            return Optional.empty();
        }
    }
}
