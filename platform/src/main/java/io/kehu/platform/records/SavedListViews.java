package io.kehu.platform.records;

import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The saved list views a user may use, as filters over a form's records: for features that query records for a
 * user's view without depending on the list screens that keep them (the plugin SDK's {@code savedViews} and
 * {@code RecordSearch.savedView}). Implemented by the views feature ({@code views.SavedViewLookup}). A user sees their
 * own views and those shared with one of their roles; the platform acting as itself sees none.
 */
public interface SavedListViews {

    /**
     * A usable view: its name and the filters and quick search that make it (never its columns or owner).
     *
     * @param shared whether it is shared with a role (else the user's own)
     * @param search the quick search, or null
     */
    record Found(long id, String formId, String name, boolean shared, List<RecordQuery.Filter> filters,
                 String search) {
    }

    /** The views of {@code formId} the actor may use, by name. */
    List<Found> visibleTo(Actor actor, String formId);

    /** One view of {@code formId} the actor may use. */
    default Optional<Found> find(Actor actor, String formId, long id) {
        return visibleTo(actor, formId).stream().filter(v -> v.id() == id).findFirst();
    }

    /**
     * Saves a view of {@code formId} for {@code actor} made of equality filters (field → value as typed), replacing
     * their own view of that name, as the list view's 保存视图 would (the testkit sets views up so).
     */
    Found saveEquals(Actor actor, String formId, String viewName, Role sharedWith, Map<String, String> equals);
}
