package io.kehu.platform.workflow;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Record;
import io.kehu.platform.security.Actor;
import io.kehu.platform.workflow.TransitionRefusedException.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What {@link Workflows#transition} checks before writing, in the order a person fixes things (is it still the
 * right moment, may I, what must I fill), and the values a transition writes.
 */
final class TransitionChecks {

    private TransitionChecks() {
    }

    /** Refuses the move with the first thing that stands in its way. */
    static void check(WorkflowDefinition workflow, Transition move, FormDefinition form, Record record, Actor actor,
            String comment, WhoMayAct.RecordFacts facts, BooleanSupplier guard) {
        state(workflow, move, record);
        WhoMayAct.Decision decision = WhoMayAct.decide(move.actors(), actor, facts);
        if (!decision.allowed()) {
            throw notAllowed(move, form, decision);
        }
        if (move.comment() == Transition.Comment.REQUIRED && comment == null) {
            throw Workflows.refused(Reason.COMMENT_REQUIRED, null, "refused.COMMENT_REQUIRED", move.label());
        }
        if (comment != null && comment.length() > Workflows.MAX_COMMENT) {
            throw Workflows.refused(Reason.COMMENT_TOO_LONG, null, "refused.COMMENT_TOO_LONG", move.label(),
                    number(Workflows.MAX_COMMENT), number(comment.length()));
        }
        List<String> missing = move.requires().stream().filter(f -> empty(record.get(f))).toList();
        if (!missing.isEmpty()) {
            List<LocalizedText> labels = missing.stream().map(f -> fieldLabel(form, f)).toList();
            LocalizedText names = LocalizedText.of(
                    String.join("、", labels.stream().map(LocalizedText::zh).toList()),
                    String.join(", ", labels.stream().map(LocalizedText::en).toList()));
            throw Workflows.refused(Reason.FIELDS_MISSING, null, "refused.FIELDS_MISSING", move.label(), names);
        }
        if (!guard.getAsBoolean()) {
            if (move.guardMessage() != null && !move.guardMessage().isEmpty()) {
                throw new TransitionRefusedException(Reason.GUARD, null, move.guardMessage());
            }
            throw Workflows.refused(Reason.GUARD, null, "refused.GUARD", move.label());
        }
    }

    /** Refuses the move when the record is not in a state it leaves from. */
    static void state(WorkflowDefinition workflow, Transition move, Record record) {
        String state = String.valueOf(record.get(workflow.statusField()));
        if (!move.from().contains(state)) {
            LocalizedText stateLabel = workflow.state(state).map(WorkflowState::label)
                    .orElse(LocalizedText.of(state, state));
            throw Workflows.refused(Reason.WRONG_STATE, null, "refused.WRONG_STATE", move.label(), stateLabel);
        }
    }

    /** The refusal for an actor {@code decision} does not allow, naming the field that excludes them if any. */
    static TransitionRefusedException notAllowed(Transition move, FormDefinition form, WhoMayAct.Decision decision) {
        LocalizedText field = decision.field() == null ? LocalizedText.of("", "") : fieldLabel(form, decision.field());
        return Workflows.refused(Reason.NOT_ALLOWED, decision, "refused." + decision.reason().name(), move.label(),
                field);
    }

    /** The status and the transition's {@code setField} values, as {@code Records} takes them. */
    static Map<String, Object> changes(WorkflowDefinition workflow, Transition move, Actor actor, Instant now,
            ZoneId zone) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(workflow.statusField(), move.to());
        for (WorkflowAction action : move.actions()) {
            if (action instanceof WorkflowAction.SetField set) {
                changes.put(set.field(), value(set, actor, now, zone));
            }
        }
        return changes;
    }

    /** A {@code setField} value with its token ({@code $actor}, {@code $now}, {@code $today}, {@code $empty}) resolved. */
    static Object value(WorkflowAction.SetField set, Actor actor, Instant now, ZoneId zone) {
        return switch (set.value()) {
            case "$actor" -> actor.userId();
            case "$now" -> OffsetDateTime.ofInstant(now, zone);
            case "$today" -> LocalDate.ofInstant(now, zone);
            case "$empty" -> null;
            default -> set.value();
        };
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty();
    }

    private static LocalizedText fieldLabel(FormDefinition form, String fieldId) {
        return form.field(fieldId).map(f -> f.label()).filter(l -> l != null && !l.isEmpty())
                .orElse(LocalizedText.of(fieldId, fieldId));
    }

    private static LocalizedText number(int n) {
        return LocalizedText.of(String.valueOf(n), String.valueOf(n));
    }
}
