package io.kehu.platform.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kehu.platform.api.tokens.TokenStore;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: made by a user for themselves or by an admin for any account (a service account is an ordinary account
 * with the roles the integration needs), shown once, stored as the SHA-256 of the secret, with scopes, expiry,
 * revocation and last use. A token acts as its user: requests run with that user's {@link Actor}, so permissions,
 * ownership and the audit trail are the same as on the screens.
 *
 * <p>The secret is 32 random bytes: a plain, unsalted SHA-256 is enough for a secret of that entropy (a password hash
 * such as bcrypt would only slow every request) and lets the token be found by its hash in one indexed look-up.
 */
@Service
public class ApiTokens {

    /** Prefix of every secret, so secret scanners and people recognise a Kehu token. */
    public static final String PREFIX = "kehu_";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    /** One digest per thread: every request hashes its secret, and looking the algorithm up each time costs more. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    private final TokenStore store;
    private final UserAccounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Tokens that authenticated a request in the last few seconds, by hash, with their user: saves the two indexed
     * reads of every request of a busy integration. Only found tokens are kept (unknown secrets are looked up every
     * time, so guessing cannot fill it). Revoking here removes the token at once; another node notices a revocation,
     * a disabled account or changed roles within the time to live. Expiry is checked on every request.
     */
    private final Cache<String, Authenticated> recent;
    /** When each token's last use was last written on this node: at most once a minute per token and node. */
    private final Cache<Long, OffsetDateTime> touched = Caffeine.newBuilder()
            .expireAfterWrite(TOUCH_INTERVAL).maximumSize(100_000).build();

    ApiTokens(TokenStore store, UserAccounts accounts,
              @Value("${kehu.api.token-cache-seconds:5}") int cacheSeconds) {
        this.store = store;
        this.accounts = accounts;
        this.clock = Clock.systemUTC();
        this.recent = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(Math.max(0, cacheSeconds)))
                .maximumSize(cacheSeconds > 0 ? 10_000 : 0).build();
    }

    /** A token that authenticated a request: the token and the user it acts as. */
    public record Authenticated(ApiToken token, Actor actor) {
    }

    /**
     * Makes a token for account {@code userId}. Users make tokens for themselves, admins for anyone.
     *
     * @param expiresAt when it stops working, or {@code null} for never
     * @throws AccessRefusedException when {@code creator} may not make tokens for that account
     */
    @Transactional
    public NewApiToken create(Actor creator, long userId, String name, ApiScopes scopes, OffsetDateTime expiresAt) {
        requireManages(creator, userId);
        String cleanName = Objects.requireNonNull(name, "name").strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            throw new IllegalArgumentException("A token needs a name of 1 to 120 characters");
        }
        if (accounts.findById(userId).isEmpty()) {
            throw new IllegalArgumentException("No account " + userId);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = store.insert(userId, cleanName, hash(secret), secret.substring(0, PREFIX.length() + 4),
                scopes, expiresAt, creator.isSystem() ? userId : creator.userId(), now());
        return new NewApiToken(token, secret);
    }

    /** The tokens of account {@code userId} (the user themselves or an admin). */
    public List<ApiToken> list(Actor viewer, long userId) {
        requireManages(viewer, userId);
        return store.list(userId);
    }

    /** Every token of every account (admins only). */
    public List<ApiToken> listAll(Actor admin) {
        requireAdmin(admin);
        return store.list(null);
    }

    /** Revokes a token at once; later requests with it get 401. Revoking twice changes nothing. */
    @Transactional
    public void revoke(Actor actor, long tokenId) {
        ApiToken token = store.byId(tokenId).orElseThrow(() -> new IllegalArgumentException("No token " + tokenId));
        requireManages(actor, token.userId());
        store.revoke(tokenId, now());
        recent.asMap().values().removeIf(a -> a.token().id() == tokenId);
    }

    /**
     * The token {@code secret} belongs to and its user, when it is known, not revoked, not expired and its account
     * is enabled; empty otherwise (the caller answers 401 without saying which). No transaction of its own: it runs
     * on every request; a token seen in the last seconds is answered from memory (see {@link #recent}), otherwise
     * two indexed reads; the last-use update (at most once a minute per token and node) is one statement.
     */
    public Optional<Authenticated> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        String hash = hash(secret);
        Authenticated found = recent.getIfPresent(hash);
        if (found == null) {
            found = lookUp(hash).orElse(null);
            if (found == null) {
                return Optional.empty();
            }
            recent.put(hash, found);
        }
        ApiToken token = found.token();
        if (!token.activeAt(now)) {
            recent.invalidate(hash);
            return Optional.empty();
        }
        // A read first: on all but one request a minute the token was touched already, and a cache read is cheaper
        // than an attempted insert.
        if (touched.getIfPresent(token.id()) == null && touched.asMap().putIfAbsent(token.id(), now) == null
                && (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL)))) {
            store.touch(token.id(), now);
        }
        return Optional.of(found);
    }

    /** The token stored under {@code hash}, if not revoked, with its user, if enabled (expiry is checked per use). */
    private Optional<Authenticated> lookUp(String hash) {
        Optional<ApiToken> token = store.byHash(hash).filter(t -> t.revokedAt() == null);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return accounts.findById(token.get().userId()).filter(UserAccount::enabled)
                .map(account -> new Authenticated(token.get(), Actor.of(account)));
    }

    static String hash(String secret) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireManages(Actor actor, long userId) {
        if (!actor.hasRole(Role.ADMIN) && !Objects.equals(actor.userId(), userId)) {
            throw new AccessRefusedException("只有管理员可以管理其他账号的 API 令牌",
                    "Only administrators may manage API tokens of other accounts");
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.hasRole(Role.ADMIN)) {
            throw new AccessRefusedException("只有管理员可以查看所有 API 令牌", "Only administrators may see all API tokens");
        }
    }
}
