package io.kehu.platform.dedupe;

import io.kehu.platform.dedupe.match.RuleStore;
import io.kehu.platform.dedupe.match.StoredDuplicates;
import io.kehu.platform.dedupe.merge.Merger;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.FieldValues;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Duplicates and merge: the rules per form, duplicates of new values (a file's rows, against each other and against
 * stored records), groups of duplicates among stored records, and merging two records (undoable).
 */
@Service
public class Duplicates {

    private final FormCatalog catalog;
    private final RuleStore rules;
    private final StoredDuplicates stored;
    private final Merger merger;

    Duplicates(FormCatalog catalog, RuleStore rules, BulkRecords bulk, Merger merger) {
        this.catalog = catalog;
        this.rules = rules;
        this.stored = new StoredDuplicates(bulk);
        this.merger = merger;
    }

    /** The form's rules: as an administrator saved them, else the defaults. */
    public DuplicateRules rules(String formId) {
        return rules.saved(formId).orElseGet(() -> DuplicateRules.defaults(form(formId)));
    }

    /** Saves a form's rules (administrators only); the fields must be the form's. */
    public void saveRules(Actor actor, DuplicateRules newRules) {
        if (!actor.isSystem() && !actor.hasRole(Role.ADMIN)) {
            throw new RecordAccessDeniedException(null, LocalizedText.of("只有管理员可以修改查重规则",
                    "Only administrators may change duplicate rules"));
        }
        FormDefinition form = form(newRules.formId());
        for (String f : new String[] {newRules.phoneField(), newRules.emailField(), newRules.nameField()}) {
            if (f != null && form.field(f).isEmpty()) {
                throw new IllegalArgumentException("Form " + form.id() + " has no field " + f);
            }
        }
        rules.save(newRules, actor);
    }

    /** Remembers a file's rows as they come and tells which earlier row a row duplicates. */
    public FileDuplicates inFile(DuplicateRules formRules) {
        return new FileDuplicates(formRules);
    }

    /** For each of {@code rows}, the stored records it likely duplicates (batched, indexed look-ups). */
    public List<List<DuplicateMatch>> existing(Actor actor, DuplicateRules formRules,
                                               List<? extends Map<String, ?>> rows) {
        if (!formRules.any() || rows.isEmpty()) {
            return rows.stream().map(r -> List.<DuplicateMatch>of()).toList();
        }
        return stored.of(actor, form(formRules.formId()), formRules, rows);
    }

    /** Up to {@code limit} groups of likely duplicates among the form's records (managers and administrators). */
    public List<DuplicateGroup> groups(Actor actor, String formId, int limit) {
        Merger.requireMayMerge(actor);
        return stored.groups(actor, form(formId), rules(formId), limit);
    }

    /**
     * The values the survivor keeps by default: its own, else the other's where its own is empty — for every field
     * the merge dialog offers (plain fields the actor may write).
     */
    public Map<String, Object> proposedValues(FormDefinition form, Record survivor, Record other) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (FieldDefinition f : mergeableFields(form)) {
            Object own = survivor.get(f.id());
            out.put(f.id(), FieldValues.toText(own) != null ? own : other.get(f.id()));
        }
        return out;
    }

    /** The fields a merge chooses values for: stored, editable fields (no subtables, computed or read-only ones). */
    public static List<FieldDefinition> mergeableFields(FormDefinition form) {
        return form.fields().stream().filter(f -> f.type() != io.kehu.platform.forms.FieldType.SUBTABLE
                && f.type() != io.kehu.platform.forms.FieldType.COMPUTED && !f.readOnly()).toList();
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}: see {@link Merger}. Returns the merge's id (for undo).
     *
     * @throws RecordAccessDeniedException for STAFF
     */
    public long merge(Actor actor, String formId, long survivorId, long mergedId, Map<String, ?> chosen) {
        return merger.merge(actor, formId, survivorId, mergedId, chosen);
    }

    public MergeUndoReport undoMerge(Actor actor, long mergeId) {
        return merger.undo(actor, mergeId);
    }

    private FormDefinition form(String formId) {
        return catalog.published(formId).orElseThrow(() -> new IllegalArgumentException("No published form "
                + formId));
    }
}
