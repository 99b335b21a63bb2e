package io.kehu.platform.records;

import io.kehu.platform.security.Actor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Spring application events published by {@link Records} after each change, inside the write's transaction (so a
 * throwing synchronous listener undoes the write). Listeners that must only see committed data use
 * {@code @TransactionalEventListener}. The plugins' {@code RecordListener} extension point will be fed from these
 * events; it does not exist yet.
 */
public final class RecordEvents {

    private RecordEvents() {
    }

    /**
     * A record was created, updated or restored.
     *
     * @param formId the form
     * @param id the record
     * @param rowVersion the record's version after the change
     * @param actor who saved
     * @param changedFields the fields whose value changed (on create: the fields that got a value)
     * @param created whether the record is new
     */
    public record Saved(String formId, long id, int rowVersion, Actor actor, Set<String> changedFields,
                        boolean created) {
        public Saved {
            changedFields = Set.copyOf(changedFields);
        }
    }

    /**
     * A record was (soft) deleted.
     *
     * @param formId the form
     * @param id the record
     * @param actor who deleted it
     * @param lastValues every field's value as the record was when deleted (read for the write, whatever the actor
     *     may see; typed as {@link RecordValues} holds them), so that listeners can judge the deletion by what was
     *     deleted — the record itself can no longer be read
     */
    public record Deleted(String formId, long id, Actor actor, Map<String, Object> lastValues) {
        public Deleted {
            // Values may be null, which Map.copyOf refuses.
            lastValues = Collections.unmodifiableMap(new LinkedHashMap<>(lastValues));
        }

        /** A deletion whose last values are not known. */
        public Deleted(String formId, long id, Actor actor) {
            this(formId, id, actor, Map.of());
        }
    }
}
