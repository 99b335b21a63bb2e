package io.kehu.platform.webhooks.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks {@code webhook-signature} header: {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>} once per
 * active secret, space-separated (during a rotation the receiver may still hold the previous secret). The key is the
 * base64 part of a {@code whsec_} secret.
 */
public final class Signatures {

    private Signatures() {
    }

    public static String header(List<String> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(s -> "v1," + sign(s, id, timestampSeconds, body)).collect(Collectors.joining(" "));
    }

    static String sign(String secret, String id, long timestampSeconds, String body) {
        String key = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
