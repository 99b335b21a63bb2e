package io.kehu.platform.views;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.WorkflowTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a task is about, as the inbox shows it: the form's label and the record's title (投诉与建议 · 冰柜噪音大), one
 * query per form for a page of tasks. A record the user may not read is named as such instead of hiding the task:
 * the work is theirs even when the record's visibility rules have not caught up.
 */
final class TaskTitles {

    private final Records records;
    private final FormCatalog catalog;
    private final Actor actor;
    private final Locale locale;
    private final UnaryOperator<String> hidden;
    private final Map<String, Map<Long, String>> titles = new HashMap<>();

    /** @param hidden what to show for a record the user may not read, given the form's label */
    TaskTitles(Records records, FormCatalog catalog, Actor actor, Locale locale, UnaryOperator<String> hidden) {
        this.hidden = hidden;
        this.records = records;
        this.catalog = catalog;
        this.actor = actor;
        this.locale = locale;
    }

    /** Looks up the records of {@code tasks} not looked up yet, one query per form. */
    void prefetch(List<WorkflowTask> tasks) {
        Map<String, List<Long>> missing = new HashMap<>();
        for (WorkflowTask t : tasks) {
            if (!cache(t.formId()).containsKey(t.recordId())) {
                missing.computeIfAbsent(t.formId(), k -> new ArrayList<>()).add(t.recordId());
            }
        }
        missing.forEach(this::load);
    }

    /** The form label and record title of the task's record. */
    String of(WorkflowTask task) {
        if (!cache(task.formId()).containsKey(task.recordId())) {
            load(task.formId(), List.of(task.recordId()));
        }
        return cache(task.formId()).get(task.recordId());
    }

    private void load(String formId, List<Long> ids) {
        Optional<FormDefinition> form = catalog.published(formId).filter(f -> FormAccess.mayRead(f, actor));
        String label = catalog.published(formId).map(f -> f.label().in(locale)).orElse(formId);
        Map<Long, String> cache = cache(formId);
        if (form.isPresent()) {
            for (int from = 0; from < ids.size(); from += RecordQuery.MAX_LIMIT) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + RecordQuery.MAX_LIMIT));
                RecordQuery query = RecordQuery.of(formId)
                        .where(new Filter(FormTables.ID, Operator.IN, new ArrayList<>(chunk))).limit(chunk.size());
                for (Record r : records.query(actor, query)) {
                    cache.put(r.id(), label + " · " + ReferenceTitles.titleOf(form.get(), r));
                }
            }
        }
        String notReadable = hidden.apply(label);
        ids.forEach(id -> cache.putIfAbsent(id, notReadable));
    }

    private Map<Long, String> cache(String formId) {
        return titles.computeIfAbsent(formId, k -> new HashMap<>());
    }
}
