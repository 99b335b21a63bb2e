package io.kehu.platform.views;

import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.security.Actor;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The saved list views a user may use, for features outside the views package (the plugin SDK's
 * {@code savedViews} and {@code RecordSearch.savedView}): their names and the filters and quick search that make
 * them, never their columns or owners. A user sees their own views and those shared with one of their roles; the
 * platform acting as itself sees none.
 */
@Component
public class SavedViewLookup {

    /**
     * A usable view.
     *
     * @param shared whether it is shared with a role (else the user's own)
     * @param search the quick search, or null
     */
    public record Found(long id, String formId, String name, boolean shared, List<RecordQuery.Filter> filters,
                        String search) {
    }

    private final SavedViews views;

    SavedViewLookup(SavedViews views) {
        this.views = views;
    }

    /** The views of {@code formId} the actor may use, by name. */
    public List<Found> visibleTo(Actor actor, String formId) {
        if (actor.isSystem()) {
            return List.of();
        }
        return views.visibleTo(actor, formId).stream().map(v -> new Found(v.id(), v.formId(), v.name(),
                v.sharedWith() != null, v.state().filters(), v.state().search())).toList();
    }

    /** One view of {@code formId} the actor may use. */
    public Optional<Found> find(Actor actor, String formId, long id) {
        return visibleTo(actor, formId).stream().filter(v -> v.id() == id).findFirst();
    }

    /**
     * Saves a view of {@code formId} for {@code actor} made of equality filters (field → value as typed), replacing
     * their own view of that name: how the testkit sets up a user's view as the list view's 保存视图 would.
     */
    public Found saveEquals(Actor actor, String formId, String viewName, io.kehu.platform.security.Role sharedWith,
            java.util.Map<String, String> equals) {
        List<RecordQuery.Filter> filters = equals.entrySet().stream().map(e -> new RecordQuery.Filter(e.getKey(),
                RecordQuery.Operator.EQUALS, List.of(e.getValue()))).toList();
        SavedView saved = views.save(actor, formId, viewName, sharedWith, new ViewState(List.of(), List.of(), null,
                filters));
        return find(actor, formId, saved.id()).orElseThrow();
    }
}
