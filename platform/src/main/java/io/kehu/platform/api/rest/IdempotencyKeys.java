package io.kehu.platform.api.rest;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The table {@code kehu_api_idempotency} (V12): per token, the {@code Idempotency-Key} of each create with a hash of
 * its request and the response it got. Written in the create's transaction; the unique key (token, key) makes a
 * concurrent duplicate fail and roll its own create back.
 */
@Component
class IdempotencyKeys {

    private static final Table<Record> KEYS = table(name("kehu_api_idempotency"));
    private static final Field<Long> TOKEN_ID = field(name("token_id"), Long.class);
    private static final Field<String> KEY = field(name("idem_key"), String.class);
    private static final Field<String> REQUEST_HASH = field(name("request_hash"), String.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<Integer> STATUS = field(name("status"), Integer.class);
    private static final Field<String> BODY = field(name("response_body"), String.class);
    private static final Field<java.time.OffsetDateTime> CREATED_AT = field(name("created_at"),
            org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE);

    /** A remembered create. */
    record Remembered(String requestHash, String formId, long recordId, int status, String body) {
    }

    private final DSLContext dsl;

    IdempotencyKeys(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Remembered> find(long tokenId, String key) {
        return dsl.select(REQUEST_HASH, FORM_ID, RECORD_ID, STATUS, BODY).from(KEYS)
                .where(TOKEN_ID.eq(tokenId)).and(KEY.eq(key))
                .fetchOptional(r -> new Remembered(r.get(REQUEST_HASH), r.get(FORM_ID), r.get(RECORD_ID),
                        r.get(STATUS), r.get(BODY)));
    }

    void remember(long tokenId, String key, Remembered remembered) {
        dsl.insertInto(KEYS).set(TOKEN_ID, tokenId).set(KEY, key).set(REQUEST_HASH, remembered.requestHash())
                .set(FORM_ID, remembered.formId()).set(RECORD_ID, remembered.recordId())
                .set(STATUS, remembered.status()).set(BODY, remembered.body()).execute();
    }

    /** Removes the keys remembered before {@code cutoff}; returns how many. */
    int forgetBefore(java.time.OffsetDateTime cutoff) {
        return dsl.deleteFrom(KEYS).where(CREATED_AT.lt(cutoff)).execute();
    }

    /** Whether {@code e} is the refusal of a second row for the same key (or another unique value). */
    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23") || t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }
}
