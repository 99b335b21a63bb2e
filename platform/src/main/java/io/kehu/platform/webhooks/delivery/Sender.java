package io.kehu.platform.webhooks.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * POSTs one attempt with the JDK's {@link HttpClient} (no extra library needed for one request shape), 10 s to connect
 * and 10 s for the answer, with the Standard Webhooks headers signed for this attempt's timestamp.
 */
@Component
public class Sender {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int EXCERPT = 300;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public SendOutcome post(String url, String id, long timestampSeconds, String body, List<String> secrets) {
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("content-type", "application/json; charset=utf-8")
                    .header("user-agent", "Kehu-Webhooks/1")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestampSeconds))
                    .header("webhook-signature", Signatures.header(secrets, id, timestampSeconds, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new SendOutcome(response.statusCode(), millisSince(start), excerpt(response.body()), null);
        } catch (IOException | IllegalArgumentException e) {
            return new SendOutcome(null, millisSince(start), null, excerpt(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome(null, millisSince(start), null, "interrupted");
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String excerpt(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }
}
