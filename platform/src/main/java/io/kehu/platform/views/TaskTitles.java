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
 * the work is theirs even when the record's visibility rules have not caught up. Also the number to call about it
 * ({@link #phone}): the record's own phone field, else that of the record its first reference with one points at (a
 * complaint's customer) — one more query per referenced form.
 */
final class TaskTitles {

    private final Records records;
    private final FormCatalog catalog;
    private final Actor actor;
    private final Locale locale;
    private final UnaryOperator<String> hidden;
    private final Map<String, Map<Long, String>> titles = new HashMap<>();
    private final Map<String, Map<Long, Phone>> phones = new HashMap<>();

    /** A number to call about a task's record, as stored, with its field (for the {@code tel:} link). */
    record Phone(FieldDefinition field, Object value) {
    }

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

    /** The number to call about the task's record, if the user may read one (looked up with the title). */
    Optional<Phone> phone(WorkflowTask task) {
        if (!cache(task.formId()).containsKey(task.recordId())) {
            load(task.formId(), List.of(task.recordId()));
        }
        return Optional.ofNullable(phones.computeIfAbsent(task.formId(), k -> new HashMap<>()).get(task.recordId()));
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
                List<Record> found = records.query(actor, query);
                for (Record r : found) {
                    cache.put(r.id(), label + " · " + ReferenceTitles.titleOf(form.get(), r));
                }
                loadPhones(form.get(), found);
            }
        }
        String notReadable = hidden.apply(label);
        ids.forEach(id -> cache.putIfAbsent(id, notReadable));
    }

    /** The records' own numbers, else those of the records their first reference with a phone field points at. */
    private void loadPhones(FormDefinition form, List<Record> found) {
        Map<Long, Phone> byRecord = phones.computeIfAbsent(form.id(), k -> new HashMap<>());
        Optional<FieldDefinition> own = phoneField(form);
        if (own.isPresent()) {
            found.stream().filter(r -> r.get(own.get().id()) != null)
                    .forEach(r -> byRecord.put(r.id(), new Phone(own.get(), r.get(own.get().id()))));
            return;
        }
        for (FieldDefinition reference : form.fields()) {
            if (reference.type() != FieldType.REFERENCE || !FormAccess.mayRead(reference, actor)) {
                continue;
            }
            Optional<FormDefinition> target = catalog.published(reference.form())
                    .filter(f -> FormAccess.mayRead(f, actor));
            Optional<FieldDefinition> phone = target.flatMap(this::phoneField);
            if (phone.isEmpty()) {
                continue;
            }
            Map<Long, List<Long>> pointing = new HashMap<>();
            found.forEach(r -> {
                if (r.get(reference.id()) instanceof Number n) {
                    pointing.computeIfAbsent(n.longValue(), k -> new ArrayList<>()).add(r.id());
                }
            });
            List<Long> targets = new ArrayList<>(pointing.keySet());
            for (int from = 0; from < targets.size(); from += RecordQuery.MAX_LIMIT) {
                List<Long> chunk = targets.subList(from, Math.min(targets.size(), from + RecordQuery.MAX_LIMIT));
                RecordQuery query = RecordQuery.of(target.get().id())
                        .where(new Filter(FormTables.ID, Operator.IN, new ArrayList<>(chunk))).limit(chunk.size());
                for (Record t : records.query(actor, query)) {
                    Object value = t.get(phone.get().id());
                    if (value != null) {
                        pointing.getOrDefault(t.id(), List.of())
                                .forEach(id -> byRecord.put(id, new Phone(phone.get(), value)));
                    }
                }
            }
            return; // the first reference with a phone: a complaint's customer, not whoever else it names
        }
    }

    private Optional<FieldDefinition> phoneField(FormDefinition form) {
        return form.fields().stream().filter(f -> f.storedType() == FieldType.PHONE)
                .filter(f -> FormAccess.mayRead(f, actor)).findFirst();
    }

    private Map<Long, String> cache(String formId) {
        return titles.computeIfAbsent(formId, k -> new HashMap<>());
    }
}
