package io.kehu.platform.api.tokens;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.api.ApiScopes;
import io.kehu.platform.api.ApiToken;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/** The table {@code kehu_api_token} (V12): tokens by hash, per user, revocation and last use. */
@Component
public class TokenStore {

    private static final Table<Record> TOKEN = table(name("kehu_api_token"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<Long> USER_ID = field(name("user_id"), Long.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> HASH = field(name("token_hash"), String.class);
    private static final Field<String> HINT = field(name("token_hint"), String.class);
    private static final Field<String> SCOPES = field(name("scopes"), String.class);
    private static final Field<OffsetDateTime> EXPIRES_AT = field(name("expires_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<OffsetDateTime> LAST_USED_AT = field(name("last_used_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<OffsetDateTime> REVOKED_AT = field(name("revoked_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<Long> CREATED_BY = field(name("created_by"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);

    private final DSLContext dsl;

    TokenStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ApiToken insert(long userId, String tokenName, String hash, String hint, ApiScopes scopes,
                           OffsetDateTime expiresAt, long createdBy, OffsetDateTime now) {
        long id = dsl.insertInto(TOKEN)
                .set(USER_ID, userId).set(NAME, tokenName).set(HASH, hash).set(HINT, hint)
                .set(SCOPES, scopes.format()).set(EXPIRES_AT, expiresAt).set(CREATED_BY, createdBy)
                .set(CREATED_AT, now)
                .returningResult(ID).fetchOne(ID);
        return byId(id).orElseThrow();
    }

    public Optional<ApiToken> byHash(String hash) {
        return dsl.select(columns()).from(TOKEN).where(HASH.eq(hash)).fetchOptional(TokenStore::toToken);
    }

    public Optional<ApiToken> byId(long id) {
        return dsl.select(columns()).from(TOKEN).where(ID.eq(id)).fetchOptional(TokenStore::toToken);
    }

    /** The tokens of {@code userId}, or of everyone when {@code null}; newest first, at most 500. */
    public List<ApiToken> list(Long userId) {
        return dsl.select(columns()).from(TOKEN)
                .where(userId == null ? org.jooq.impl.DSL.noCondition() : USER_ID.eq(userId))
                .orderBy(ID.desc()).limit(500).fetch(TokenStore::toToken);
    }

    public boolean revoke(long id, OffsetDateTime now) {
        return dsl.update(TOKEN).set(REVOKED_AT, now).where(ID.eq(id)).and(REVOKED_AT.isNull()).execute() == 1;
    }

    public void touch(long id, OffsetDateTime now) {
        dsl.update(TOKEN).set(LAST_USED_AT, now).where(ID.eq(id)).execute();
    }

    private static List<Field<?>> columns() {
        return List.of(ID, USER_ID, NAME, HINT, SCOPES, EXPIRES_AT, LAST_USED_AT, REVOKED_AT, CREATED_BY, CREATED_AT);
    }

    private static ApiToken toToken(Record r) {
        return new ApiToken(r.get(ID), r.get(USER_ID), r.get(NAME), r.get(HINT), ApiScopes.parse(r.get(SCOPES)),
                r.get(EXPIRES_AT), r.get(LAST_USED_AT), r.get(REVOKED_AT), r.get(CREATED_BY), r.get(CREATED_AT));
    }
}
