package io.kehu.platform.webhooks.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optional signing (加签) of DingTalk and Feishu group robots, computed per attempt as the vendors publish it (see
 * docs/webhooks.md for the sources). Both check that the timestamp lies within an hour of their clock.
 *
 * <ul>
 *   <li>DingTalk: {@code timestamp} in milliseconds; {@code sign} = Base64(HMAC-SHA256(key = secret,
 *   data = timestamp + "\n" + secret)), URL-encoded, both added to the URL's query.
 *   <li>Feishu: {@code timestamp} in seconds; {@code sign} = Base64(HMAC-SHA256(key = timestamp + "\n" + secret,
 *   data = empty)), both added to the JSON body (the timestamp as a string).
 * </ul>
 */
public final class RobotSigning {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RobotSigning() {
    }

    /** The DingTalk robot URL with {@code timestamp} and {@code sign} for an attempt at {@code at}. */
    public static String dingTalkUrl(String url, String secret, Instant at) {
        long timestamp = at.toEpochMilli();
        String sign = hmac(secret, timestamp + "\n" + secret);
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
                + URLEncoder.encode(sign, StandardCharsets.UTF_8);
    }

    /** The Feishu robot body with {@code timestamp} and {@code sign} for an attempt at {@code at}. */
    public static String feishuBody(String body, String secret, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        ObjectNode signed = (ObjectNode) JSON.readTree(body);
        signed.put("timestamp", timestamp);
        signed.put("sign", hmac(timestamp + "\n" + secret, ""));
        return JSON.writeValueAsString(signed);
    }

    private static String hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
