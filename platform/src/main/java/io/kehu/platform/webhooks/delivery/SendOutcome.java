package io.kehu.platform.webhooks.delivery;

/**
 * What one POST gave.
 *
 * @param statusCode the HTTP status, or null when no response came (timeout, refused, bad URL)
 * @param latencyMillis how long it took
 * @param responseExcerpt the start of the response body, or null
 * @param error why no response came, or null
 */
public record SendOutcome(Integer statusCode, long latencyMillis, String responseExcerpt, String error) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
