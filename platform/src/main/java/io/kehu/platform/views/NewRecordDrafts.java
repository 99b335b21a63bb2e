package io.kehu.platform.views;

import com.vaadin.flow.server.VaadinSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a user has typed into a new record that is not saved yet, kept in their server session so that a reload, a
 * dropped phone connection or a tap on the wrong menu entry does not lose it: opening the same new-record page again
 * (same form, same prefilled fields) brings the values back. Saving the record or discarding the changes forgets the
 * draft; signing out ends the session and with it every draft.
 *
 * <p>Why the server session and not the browser's storage: customer data typed on a shared or lost phone should not
 * outlive the sign-in, and the values here are already converted and checked against the user's field permissions.
 * Not kept: subtable rows of the new record (they are few and typed last), and edits of existing records (the leave
 * dialog guards those, and a draft of an old version would fight other people's later saves).
 */
final class NewRecordDrafts implements Serializable {

    private final Map<String, Map<String, Object>> drafts = new ConcurrentHashMap<>();

    /** The drafts of the current user's session. */
    static NewRecordDrafts current() {
        VaadinSession session = VaadinSession.getCurrent();
        NewRecordDrafts drafts = session.getAttribute(NewRecordDrafts.class);
        if (drafts == null) {
            drafts = new NewRecordDrafts();
            session.setAttribute(NewRecordDrafts.class, drafts);
        }
        return drafts;
    }

    /** The key of the new-record page of {@code formId} opened with {@code queryString} (its prefilled fields). */
    static String key(String formId, String queryString) {
        return formId + "?" + (queryString == null ? "" : queryString);
    }

    /** The values last typed on page {@code key}; empty when there is no draft. */
    Map<String, Object> get(String key) {
        return drafts.getOrDefault(key, Map.of());
    }

    /** Remembers {@code values} (field id → value as the record store takes it) as the draft of {@code key}. */
    void keep(String key, Map<String, Object> values) {
        if (values.isEmpty()) {
            drafts.remove(key);
        } else {
            drafts.put(key, new LinkedHashMap<>(values));
        }
    }

    void forget(String key) {
        drafts.remove(key);
    }
}
