package io.kehu.platform.timeline;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.records.AuditAction;
import io.kehu.platform.records.AuditEntry;
import io.kehu.platform.records.FieldValues;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The record's own history as timeline entries: one entry per save (the audit rows written together), with who by
 * display name, field labels and values as the record view shows them ("客户等级：一般客户 → 大客户", "邮箱：设为
 * …", never "∅ →"). The store leaves out fields the viewer may not read.
 */
@Component
@Order(20)
class RecordEditsSource implements TimelineSource {

    static final String KIND = "edits";

    private final Records records;
    private final UserAccounts accounts;
    private final Messages messages;

    RecordEditsSource(Records records, UserAccounts accounts, Messages messages) {
        this.records = records;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public List<TimelineKind> kinds(TimelineSubject subject) {
        return List.of(new TimelineKind(KIND, messages.getTranslation("timeline.kind.edits", subject.locale())));
    }

    @Override
    public Cursor open(TimelineSubject subject, Set<String> kinds) {
        // A record's history is tens of rows, read once when the timeline opens and paged from memory.
        List<TimelineEntry> all = entries(subject);
        int[] position = {0};
        return max -> {
            int from = position[0];
            int to = Math.min(all.size(), from + max);
            position[0] = to;
            return all.subList(from, to);
        };
    }

    private List<TimelineEntry> entries(TimelineSubject subject) {
        List<AuditEntry> history = records.history(subject.actor(), subject.form().id(), subject.recordId());
        Map<Long, String> names = accounts.findAll().stream()
                .collect(Collectors.toMap(UserAccount::id, UserAccount::displayName, (a, b) -> a));
        FieldValues conversions = new FieldValues(subject.zone());
        List<TimelineEntry> entries = new ArrayList<>();
        List<AuditEntry> save = new ArrayList<>();
        for (AuditEntry e : history) {
            if (!save.isEmpty() && !sameSave(save.getFirst(), e)) {
                entries.add(entry(subject, save, names::get, conversions));
                save = new ArrayList<>();
            }
            save.add(e);
        }
        if (!save.isEmpty()) {
            entries.add(entry(subject, save, names::get, conversions));
        }
        return entries.reversed();
    }

    private static boolean sameSave(AuditEntry a, AuditEntry b) {
        return a.action() == b.action() && Objects.equals(a.changedBy(), b.changedBy())
                && Objects.equals(a.changedByName(), b.changedByName()) && a.changedAt().equals(b.changedAt());
    }

    private TimelineEntry entry(TimelineSubject subject, List<AuditEntry> save, Function<Long, String> names,
                                FieldValues conversions) {
        AuditEntry first = save.getFirst();
        String formLabel = subject.form().label().in(subject.locale());
        String title = messages.getTranslation("timeline.edit." + first.action().code(), subject.locale(), formLabel);
        List<String> lines = new ArrayList<>();
        if (first.action() == AuditAction.UPDATE) {
            for (AuditEntry e : save) {
                subject.form().field(e.fieldId()).ifPresent(f -> lines.add(change(subject, f, e, conversions)));
            }
        }
        String who = first.changedBy() == null ? messages.getTranslation("timeline.system", subject.locale())
                : Objects.requireNonNullElse(names.apply(first.changedBy()),
                        messages.getTranslation("timeline.formerUser", subject.locale()));
        return new TimelineEntry(KIND, first.changedAt().toInstant(), title, String.join("\n", lines), who, null,
                KIND + ":" + String.format("%019d", first.id()));
    }

    private String change(TimelineSubject subject, FieldDefinition field, AuditEntry e, FieldValues conversions) {
        String label = field.label().isEmpty() ? field.id() : field.label().in(subject.locale());
        String before = value(subject, field, e.oldValue(), conversions);
        String after = value(subject, field, e.newValue(), conversions);
        String text;
        if (before.isEmpty()) {
            text = messages.getTranslation("timeline.edit.set", subject.locale(), after);
        } else if (after.isEmpty()) {
            text = messages.getTranslation("timeline.edit.cleared", subject.locale(), before);
        } else {
            text = before + " → " + after;
        }
        return Texts.labelled(label, text, subject.locale());
    }

    /** A stored value as the record view shows it; as stored when it no longer converts (the field changed type). */
    private static String value(TimelineSubject subject, FieldDefinition field, String stored,
                                FieldValues conversions) {
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        FieldValues.Converted converted = conversions.convert(field, stored);
        return converted.ok() ? subject.values().format(field, converted.value()) : stored;
    }
}
