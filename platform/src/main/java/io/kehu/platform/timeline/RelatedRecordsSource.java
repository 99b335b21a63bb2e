package io.kehu.platform.timeline;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The records of other forms that point at the subject (a customer's interactions, purchases, feedback), one kind per
 * form, found from the published definitions so a form added later appears without code. Each form is read newest
 * first by its date ({@link RecordDates}) with keyset paging, through {@link Records} with the viewer's permissions.
 */
@Component
@Order(10)
class RelatedRecordsSource implements TimelineSource {

    private static final int MAX_DETAILS = 3;

    private final FormCatalog catalog;
    private final Records records;

    RelatedRecordsSource(FormCatalog catalog, Records records) {
        this.catalog = catalog;
        this.records = records;
    }

    @Override
    public List<TimelineKind> kinds(TimelineSubject subject) {
        return related(subject).stream()
                .map(r -> new TimelineKind(r.form().id(), r.form().label().in(subject.locale()))).toList();
    }

    @Override
    public Cursor open(TimelineSubject subject, Set<String> kinds) {
        List<Cursor> cursors = new ArrayList<>();
        for (Related r : related(subject)) {
            if (kinds.contains(r.form().id())) {
                cursors.add(new FormCursor(subject, r));
            }
        }
        TimelineFeed merged = new TimelineFeed(cursors, Timeline.PAGE);
        return merged::next;
    }

    /** A form with a reference to the subject's form, both readable by the viewer. */
    record Related(FormDefinition form, FieldDefinition reference) {
    }

    private List<Related> related(TimelineSubject subject) {
        Actor actor = subject.actor();
        List<Related> found = new ArrayList<>();
        for (FormDefinition other : catalog.allPublished()) {
            if (!actor.isSystem() && !other.access().mayRead(actor.roles())) {
                continue;
            }
            other.fields().stream()
                    .filter(f -> f.type() == FieldType.REFERENCE && subject.form().id().equals(f.form())
                            && readable(f, actor))
                    .findFirst()
                    .ifPresent(reference -> found.add(new Related(other, reference)));
        }
        return found;
    }

    private static boolean readable(FieldDefinition field, Actor actor) {
        return actor.isSystem() || field.access().mayRead(actor.roles());
    }

    /** One related form's records, a page at a time by keyset. */
    private final class FormCursor implements Cursor {
        private final TimelineSubject subject;
        private final Related related;
        private final RecordQuery base;
        private Record last;
        private boolean done;

        FormCursor(TimelineSubject subject, Related related) {
            this.subject = subject;
            this.related = related;
            this.base = RecordQuery.of(related.form().id())
                    .where(Filter.of(related.reference().id(), Operator.EQUALS, subject.recordId()))
                    .sortBy(Sort.desc(RecordDates.sortColumn(related.form())));
        }

        @Override
        public List<TimelineEntry> next(int max) {
            if (done) {
                return List.of();
            }
            RecordQuery query = base.limit(Math.min(max, RecordQuery.MAX_LIMIT));
            if (last != null) {
                query = query.after(last);
            }
            List<Record> page = records.query(subject.actor(), query);
            done = page.size() < query.limit();
            if (!page.isEmpty()) {
                last = page.getLast();
            }
            return page.stream().map(this::entry).toList();
        }

        private TimelineEntry entry(Record r) {
            FormDefinition form = related.form();
            Actor actor = subject.actor();
            FieldDefinition date = RecordDates.dateField(form).orElse(null);
            Instant at = date == null ? null : RecordDates.instant(r.get(date.id()), subject.zone());
            if (at == null) {
                at = r.createdAt() == null ? Instant.EPOCH : r.createdAt().toInstant();
            }
            String title = form.label().in(subject.locale());
            FieldDefinition kindField = null;
            String who = "";
            List<String> details = new ArrayList<>();
            String headline = form.titleField() == null ? "" : text(form.titleField(), r);
            for (FieldDefinition f : form.fields()) {
                Object value = r.get(f.id());
                if (value == null || !readable(f, actor) || f == date || f.id().equals(form.titleField())
                        || f.type() == FieldType.REFERENCE || f.type() == FieldType.SUBTABLE) {
                    continue;
                }
                if (kindField == null && f.type() == FieldType.SELECT) {
                    kindField = f;
                    title = title + " · " + subject.values().format(f, value);
                } else if (who.isEmpty() && f.type() == FieldType.USER) {
                    who = subject.values().format(f, value);
                } else if (details.size() < MAX_DETAILS && f.showInList() && f.type() != FieldType.TEXTAREA
                        && f.type() != FieldType.USER) {
                    details.add(Texts.labelled(f.label().in(subject.locale()), subject.values().format(f, value),
                            subject.locale()));
                }
            }
            String text = headline;
            if (!details.isEmpty()) {
                text = (text.isEmpty() ? "" : text + "\n") + String.join(" · ", details);
            }
            boolean dateOnly = date != null && date.type() == FieldType.DATE && r.get(date.id()) != null;
            return new TimelineEntry(form.id(), at, title, text, who, "forms/" + form.id() + "/" + r.id(),
                    form.id() + ":" + String.format("%019d", r.id()), dateOnly);
        }

        private String text(String fieldId, Record r) {
            return related.form().field(fieldId)
                    .filter(f -> readable(f, subject.actor()))
                    .map(f -> subject.values().format(f, r.get(fieldId)))
                    .orElse("");
        }
    }
}
