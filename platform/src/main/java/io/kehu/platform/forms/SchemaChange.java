package io.kehu.platform.forms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The plan schema sync computed for publishing one or more definitions: the steps to run, in order, or the reasons
 * it refuses. A refused plan is never applied, not even in part; the designer shows either list before publishing.
 *
 * @param steps what publishing would do to the database, tables first, then columns, then indexes
 * @param refusals why publishing is refused (one sentence each, naming form, field and types), empty when allowed
 */
public record SchemaChange(List<SchemaStep> steps, List<String> refusals) {

    public SchemaChange {
        steps = steps.stream().sorted(Comparator.comparingInt(SchemaStep::stage)).toList();
        refusals = List.copyOf(refusals);
    }

    /** Joins the plans of several forms into one, keeping the stage order across all of them. */
    public static SchemaChange combine(List<SchemaChange> changes) {
        List<SchemaStep> steps = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (SchemaChange change : changes) {
            steps.addAll(change.steps());
            refusals.addAll(change.refusals());
        }
        return new SchemaChange(steps, refusals);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    /** The descriptions of the steps, one per line, as the designer shows them. */
    public List<String> describe() {
        return steps.stream().map(SchemaStep::description).toList();
    }
}
