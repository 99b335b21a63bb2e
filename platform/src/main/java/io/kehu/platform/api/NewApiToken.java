package io.kehu.platform.api;

/**
 * A token just made, with its secret: the only time the secret exists outside the caller's hands. Show it once.
 *
 * @param token the stored token
 * @param secret the bearer secret, {@code kehu_} followed by 43 base64url characters (32 random bytes)
 */
public record NewApiToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "NewApiToken[" + token + ", secret=(hidden)]";
    }
}
