package io.kehu.plugins.hello;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The plugin's bus event reaches an integration end to end: the plugin (packed into a real plugin jar and started by
 * the host) announces a saved greeting on its event bus, the platform writes it to the webhooks outbox, the host's
 * delivery poller POSTs it to a receiver on a real socket, and the receiver checks the Standard Webhooks signature
 * with its own HMAC code, as an integration written from the specification would.
 */
@KehuPluginTest
class GreetingWebhookTest {

    /** One request as the receiver got it. */
    record Received(String id, String timestamp, String signature, String body) {
    }

    @Test
    void aSavedGreetingIsDeliveredSignedToTheSubscribedEndpoint(KehuTestHost kehu) throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String secret = kehu.subscribeWebhook("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            assertThat(secret).startsWith("whsec_");

            RecordData saved = kehu.recordsAs("staff").create(HelloForms.FORM, Map.of("message", "新年好"));

            long deadline = System.nanoTime() + 30_000_000_000L;
            while (received.stream().noneMatch(r -> r.body().contains("greeting-saved"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            List<Received> greetings = received.stream().filter(r -> r.body().contains("greeting-saved")).toList();
            assertThat(greetings).as("delivered once by the host's poller within 30 s").hasSize(1);
            Received hook = greetings.getFirst();
            assertThat(hook.body()).contains("\"type\":\"plugin.hello-kehu.greeting-saved\"")
                    .contains("\"plugin\":\"hello-kehu\"")
                    .contains("\"topic\":\"hello-kehu.greeting-saved\"");
            Matcher id = Pattern.compile("\"payload\":\\{\"id\":(\\d+)}").matcher(hook.body());
            assertThat(id.find()).as(hook.body()).isTrue();
            assertThat(Long.parseLong(id.group(1))).isEqualTo(saved.id());

            assertThat(hook.id()).isNotBlank();
            long sentAt = Long.parseLong(hook.timestamp());
            assertThat(Math.abs(Instant.now().getEpochSecond() - sentAt)).as("timestamp in seconds, now")
                    .isLessThan(120);
            // webhook-signature: space-separated "v1,<base64>"; one of them must be HMAC-SHA256 over id.timestamp.body
            // with the secret's bytes (base64 after "whsec_").
            String expected = "v1," + hmac(secret, hook.id() + "." + hook.timestamp() + "." + hook.body());
            assertThat(List.of(hook.signature().split(" "))).anySatisfy(sig -> assertThat(
                    MessageDigest.isEqual(sig.getBytes(StandardCharsets.US_ASCII),
                            expected.getBytes(StandardCharsets.US_ASCII))).isTrue());
            String tampered = "v1," + hmac(secret, hook.id() + "." + hook.timestamp() + "." + hook.body() + " ");
            assertThat(hook.signature()).doesNotContain(tampered);
        } finally {
            server.stop(0);
        }
    }

    /** Standard Webhooks' HMAC, written from the specification apart from the platform's code. */
    private static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
