package io.kehu.platform.views;

import com.vaadin.flow.server.VaadinSession;
import io.kehu.platform.records.RowChange;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a user has typed into a record page and not saved yet, kept in their server session so that a reload, a
 * dropped phone connection or a tap on the wrong menu entry does not lose it: the fields and the subtable rows
 * (added, changed, removed contact persons), of a new record (per form and prefilled fields) and of an edit of an
 * existing one (per record, with the version the edits were made on). Opening the same page again brings the draft
 * back; for an existing record that someone saved meanwhile, the record page shows the newer version and asks before
 * putting the draft on top of it ({@link DraftConflictDialog}). Saving or discarding forgets the draft; signing out
 * ends the session and with it every draft.
 *
 * <p>Why the server session and not the browser's storage: customer data typed on a shared or lost phone should not
 * outlive the sign-in, and the values here are already converted and checked against the user's field permissions.
 */
final class RecordDrafts implements Serializable {

    /**
     * One page's unsaved work.
     *
     * @param values field id → value as the record store takes it (only the fields the user changed)
     * @param rows subtable field id → what was done to its rows
     * @param baseVersion the record version the edits were made on ({@code 0} for a new record)
     */
    record Draft(Map<String, Object> values, Map<String, List<RowChange>> rows, int baseVersion)
            implements Serializable {

        Draft {
            values = new LinkedHashMap<>(values);
            rows = new LinkedHashMap<>(rows);
        }

        boolean isEmpty() {
            return values.isEmpty() && rows.isEmpty();
        }
    }

    private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

    /** The drafts of the current user's session. */
    static RecordDrafts current() {
        VaadinSession session = VaadinSession.getCurrent();
        RecordDrafts drafts = session.getAttribute(RecordDrafts.class);
        if (drafts == null) {
            drafts = new RecordDrafts();
            session.setAttribute(RecordDrafts.class, drafts);
        }
        return drafts;
    }

    /** The key of the new-record page of {@code formId} opened with {@code queryString} (its prefilled fields). */
    static String key(String formId, String queryString) {
        return formId + "?" + (queryString == null ? "" : queryString);
    }

    /** The key of the page of existing record {@code id}. */
    static String key(String formId, long id) {
        return formId + "/" + id;
    }

    /** The draft of page {@code key}, if there is one. */
    Optional<Draft> get(String key) {
        return Optional.ofNullable(drafts.get(key));
    }

    /** Remembers {@code draft} as the draft of {@code key}; an empty one forgets it. */
    void keep(String key, Draft draft) {
        if (draft.isEmpty()) {
            drafts.remove(key);
        } else {
            drafts.put(key, draft);
        }
    }

    void forget(String key) {
        drafts.remove(key);
    }
}
