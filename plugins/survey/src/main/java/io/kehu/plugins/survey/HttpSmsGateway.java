package io.kehu.plugins.survey;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An SMS gateway reached over HTTP: each message is one POST of the admin's body template to the gateway's address,
 * {@code {phone}} and {@code {text}} filled in — escaped for JSON when the template is JSON (starts with {@code {}),
 * else URL-encoded as a form ({@code to={phone}&msg={text}}). Any 2xx answer means the gateway took it; anything else,
 * a timeout (10 s) or no connection is {@link SmsGateway.NotSent}. An optional {@code Authorization} header value
 * (e.g. {@code Bearer …}) is sent as given.
 */
final class HttpSmsGateway implements SmsGateway {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI url;
    private final String template;
    private final String authorization;

    HttpSmsGateway(URI url, String template, String authorization) {
        this.url = url;
        this.template = template;
        this.authorization = authorization == null ? "" : authorization;
    }

    @Override
    public void send(String phone, String text) throws NotSent {
        boolean json = template.stripLeading().startsWith("{");
        String body = template.replace("{phone}", json ? jsonEscaped(phone) : form(phone))
                .replace("{text}", json ? jsonEscaped(text) : form(text));
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", json ? "application/json; charset=utf-8"
                        : "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<Void> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new NotSent("the SMS gateway answered HTTP " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new NotSent("the SMS gateway cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotSent("interrupted", e);
        }
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The value as the inside of a JSON string. */
    static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
