package io.kehu.platform.views;

import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.SavedListViews;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link SavedListViews} over the list screens' saved views ({@link SavedViews}). */
@Component
class SavedViewLookup implements SavedListViews {

    private final SavedViews views;

    SavedViewLookup(SavedViews views) {
        this.views = views;
    }

    @Override
    public List<Found> visibleTo(Actor actor, String formId) {
        if (actor.isSystem()) {
            return List.of();
        }
        return views.visibleTo(actor, formId).stream().map(v -> new Found(v.id(), v.formId(), v.name(),
                v.sharedWith() != null, v.state().filters(), v.state().search())).toList();
    }

    @Override
    public Found saveEquals(Actor actor, String formId, String viewName, Role sharedWith, Map<String, String> equals) {
        List<RecordQuery.Filter> filters = equals.entrySet().stream().map(e -> new RecordQuery.Filter(e.getKey(),
                RecordQuery.Operator.EQUALS, List.of(e.getValue()))).toList();
        SavedView saved = views.save(actor, formId, viewName, sharedWith, new ViewState(List.of(), List.of(), null,
                filters));
        return find(actor, formId, saved.id()).orElseThrow();
    }
}
