package io.kehu.platform.views;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The titles of referenced records (a purchase shows its customer's name, not 12). A list page looks up all its
 * references in one query per referenced form ({@link #prefetch}) instead of one per cell. Records the user may not
 * see show as their number: the reference exists, its content stays hidden.
 */
final class ReferenceTitles {

    private final Records records;
    private final FormCatalog catalog;
    private final Actor actor;
    private final Map<String, Map<Long, String>> titles = new HashMap<>();

    ReferenceTitles(Records records, FormCatalog catalog, Actor actor) {
        this.records = records;
        this.catalog = catalog;
        this.actor = actor;
    }

    /** Looks up, in one query per target form, the titles of every reference held by {@code rows}. */
    void prefetch(FormDefinition form, List<Record> rows) {
        for (FieldDefinition f : form.fields()) {
            if (f.type() != FieldType.REFERENCE) {
                continue;
            }
            Set<Long> ids = new LinkedHashSet<>();
            for (Record r : rows) {
                if (r.get(f.id()) instanceof Long id && !cached(f.form()).containsKey(id)) {
                    ids.add(id);
                }
            }
            load(f.form(), ids);
        }
    }

    String title(String formId, Long id) {
        if (id == null) {
            return "";
        }
        if (!cached(formId).containsKey(id)) {
            load(formId, List.of(id));
        }
        return cached(formId).getOrDefault(id, RecordRef.untitled(id));
    }

    RecordRef ref(String formId, long id) {
        return new RecordRef(id, title(formId, id));
    }

    /** The title of a record of {@code form} as pickers and headings show it. */
    static String titleOf(FormDefinition form, Record record) {
        Object value = form.titleField() == null ? null : record.get(form.titleField());
        return value == null ? RecordRef.untitled(record.id()) : value.toString();
    }

    private void load(String formId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, String> cache = cached(formId);
        Optional<FormDefinition> target = catalog.published(formId).filter(f -> FormAccess.mayRead(f, actor));
        if (target.isPresent()) {
            List<Long> pending = new ArrayList<>(ids);
            for (int from = 0; from < pending.size(); from += RecordQuery.MAX_LIMIT) {
                List<Long> chunk = pending.subList(from, Math.min(pending.size(), from + RecordQuery.MAX_LIMIT));
                RecordQuery query = RecordQuery.of(formId)
                        .where(new Filter(FormTables.ID, Operator.IN, new ArrayList<>(chunk)))
                        .limit(chunk.size());
                for (Record r : records.query(actor, query)) {
                    cache.put(r.id(), titleOf(target.get(), r));
                }
            }
        }
        ids.forEach(id -> cache.putIfAbsent(id, RecordRef.untitled(id)));
    }

    private Map<Long, String> cached(String formId) {
        return titles.computeIfAbsent(formId, k -> new HashMap<>());
    }
}
