package io.kehu.platform.api;

import java.time.OffsetDateTime;

/**
 * An API token as its owner and admins see it: never the secret, which exists only in the {@link NewApiToken} handed
 * out once at creation.
 *
 * @param id the token's id
 * @param userId the account the token acts as
 * @param name what the token is for, e.g. "ERP sync"
 * @param hint the first characters of the secret ({@code kehu_ab12}), so a leaked token can be recognised in a list
 * @param scopes what the token may do
 * @param expiresAt when it stops working, or {@code null} for never
 * @param lastUsedAt when it last authenticated a request (updated at most once a minute), or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 * @param createdBy who made it (the user themselves, or an admin for a service account)
 * @param createdAt when it was made
 */
public record ApiToken(long id, long userId, String name, String hint, ApiScopes scopes, OffsetDateTime expiresAt,
                       OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, long createdBy,
                       OffsetDateTime createdAt) {

    /** Whether the token still authenticates requests at {@code now}. */
    public boolean activeAt(OffsetDateTime now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
