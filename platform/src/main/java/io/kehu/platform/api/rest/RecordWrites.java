package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiCaller;
import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordNotFoundException;
import io.kehu.platform.records.Records;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's writes, each one call of {@link Records}; a create with an {@code Idempotency-Key} also remembers its
 * response in the same transaction, so that a retry (even one racing the first request) answers that first result
 * instead of creating a second record.
 */
final class RecordWrites {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_KEY_LENGTH = 255;

    private final Records records;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;

    RecordWrites(Records records, IdempotencyKeys keys, TransactionTemplate transactions) {
        this.records = records;
        this.keys = keys;
        this.transactions = transactions;
    }

    /**
     * A create's answer.
     *
     * @param status 201, also when replayed
     * @param recordId the record made
     * @param rowVersion its version then
     * @param body the JSON body, byte for byte the first answer when replayed
     * @param replayed whether this answers a retry
     */
    record Created(int status, long recordId, int rowVersion, String body, boolean replayed) {
    }

    Created create(ApiCaller caller, FormDefinition form, JsonNode body, String key) {
        // Only a keyed create is ever compared with an earlier request: no hash (a second serialisation of the body and
        // a SHA-256) for the others.
        String requestHash = key == null ? null : hash(form.id() + "\n" + body.toString());
        if (key != null) {
            if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query").error(ApiProblem.FieldProblem.atParameter(
                        "Idempotency-Key", "bad_key", "api.problem.idempotency_reused.detail"));
            }
            Optional<Created> replay = replay(caller, key, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Map<String, Object> values = RecordJson.fromJson(form, body);
        if (key == null) {
            // Nothing to remember with the record: Records.create's own transaction is the whole write.
            Record record = records.create(caller.actor(), form.id(), values);
            return new Created(201, record.id(), record.rowVersion(), RecordJson.toJsonText(form, record), false);
        }
        try {
            return transactions.execute(tx -> {
                Record record = records.create(caller.actor(), form.id(), values);
                String json = RecordJson.toJsonText(form, record);
                keys.remember(caller.tokenId(), key, new IdempotencyKeys.Remembered(requestHash, form.id(),
                        record.id(), 201, json));
                return new Created(201, record.id(), record.rowVersion(), json, false);
            });
        } catch (RuntimeException e) {
            // A concurrent retry with the same key committed first: our create was rolled back with the key's row.
            if (IdempotencyKeys.isDuplicateKey(e)) {
                Optional<Created> replay = replay(caller, key, requestHash);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw e;
        }
    }

    Record update(ApiCaller caller, FormDefinition form, long id, int version, Map<String, Object> changes) {
        return found(form, id, () -> records.update(caller.actor(), form.id(), id, version, changes));
    }

    void delete(ApiCaller caller, FormDefinition form, long id, int version) {
        found(form, id, () -> {
            records.delete(caller.actor(), form.id(), id, version);
            return null;
        });
    }

    Record restore(ApiCaller caller, FormDefinition form, long id, int version) {
        return found(form, id, () -> records.restore(caller.actor(), form.id(), id, version));
    }

    private Optional<Created> replay(ApiCaller caller, String key, String requestHash) {
        return keys.find(caller.tokenId(), key).map(r -> {
            if (!r.requestHash().equals(requestHash)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_reused");
            }
            JsonNode first = JSON.readTree(r.body());
            return new Created(r.status(), r.recordId(), first.path("row_version").asInt(), r.body(), true);
        });
    }

    private static <T> T found(FormDefinition form, long id, Supplier<T> write) {
        try {
            return write.get();
        } catch (RecordNotFoundException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "record_not_found", form.id(), id);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
