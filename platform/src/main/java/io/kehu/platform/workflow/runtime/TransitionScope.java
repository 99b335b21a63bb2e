package io.kehu.platform.workflow.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.Query;

/**
 * Marks, for the current thread, the one status change a transition is writing, so that {@link StatusFieldGuard} lets
 * exactly that change through and refuses every other way of changing the status field (a form edit, a bulk
 * update, an import, a plugin). Only the workflow package opens a scope — {@code Workflows} for a transition and the
 * fields it asks for, {@code WorkflowVersions} for the records a publish maps to new states; plugins see the SDK,
 * not this class.
 */
public final class TransitionScope {

    /**
     * The write in progress. {@code fromState} and {@code createdAt} may be learnt during the write (a transition reads
     * the record once, inside it); {@code deferred}, when not null, collects the statements the state clocks would send
     * for this record, for the transition to send with its own in one round trip.
     *
     * @param toState the status value the write may set, or null when it may not change the status
     * @param fields the other fields the write may change whatever the state's {@code editable} says; null: any
     */
    private static final class Move {
        final String formId;
        final long recordId;
        final String toState;
        final Set<String> fields;
        final List<Query> deferred;
        Instant createdAt;
        String fromState;

        Move(String formId, long recordId, String toState, Set<String> fields, List<Query> deferred) {
            this.formId = formId;
            this.recordId = recordId;
            this.toState = toState;
            this.fields = fields;
            this.deferred = deferred;
        }

        boolean about(String form, Long record) {
            return formId.equals(form) && Objects.equals(recordId, record);
        }
    }

    /**
     * The state a transition is moving a record into and when the record was made, for the state clocks.
     *
     * @param state the state entered
     * @param createdAt when the record was created
     * @param from the state left
     */
    public record Entering(String state, Instant createdAt, String from) {
    }

    private static final ThreadLocal<Move> CURRENT = new ThreadLocal<>();

    private TransitionScope() {
    }

    /**
     * Runs {@code write} with the move of record {@code recordId} of {@code formId} to {@code toState} allowed, and
     * with it the transition's {@code setField} values, whatever fields the state left lets people edit.
     */
    public static <T> T moving(String formId, long recordId, String toState, Supplier<T> write) {
        return within(new Move(formId, recordId, toState, null, null), write);
    }

    /**
     * Runs {@code write} — a transition that reads the record inside the write and tells what it found with
     * {@link #leaving} — with the move to {@code toState} allowed; the state clocks' statements for this record go to
     * {@code deferred} instead of the database (see {@link #deferOrRun}), for the caller to send with its own.
     */
    public static <T> T moving(String formId, long recordId, String toState, List<Query> deferred, Supplier<T> write) {
        return within(new Move(formId, recordId, toState, null, Objects.requireNonNull(deferred)), write);
    }

    /** Tells the current move of record {@code recordId} of {@code formId} the state it leaves and its creation time. */
    public static void leaving(String formId, long recordId, String fromState, Instant createdAt) {
        Move move = CURRENT.get();
        if (move != null && move.about(formId, recordId)) {
            move.fromState = fromState;
            move.createdAt = createdAt;
        }
    }

    /**
     * Adds {@code query} to the current transition's batch when it is moving record {@code recordId} of
     * {@code formId} and collecting; otherwise runs it now.
     */
    static void deferOrRun(String formId, long recordId, Query query) {
        Move move = CURRENT.get();
        if (move != null && move.deferred != null && move.about(formId, recordId)) {
            move.deferred.add(query);
        } else {
            query.execute();
        }
    }

    /**
     * Runs {@code write} — saving the fields a transition {@code requires}, filled in its dialog — with those fields
     * allowed even where the current state does not let people edit them: the transition asks for them.
     */
    public static <T> T filling(String formId, long recordId, Set<String> fields, Supplier<T> write) {
        return within(new Move(formId, recordId, null, Set.copyOf(fields), null), write);
    }

    private static <T> T within(Move move, Supplier<T> write) {
        Move outer = CURRENT.get();
        CURRENT.set(move);
        try {
            return write.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The state record {@code recordId} of {@code formId} is being moved into, when its creation time is known. */
    public static Optional<Entering> entering(String formId, long recordId) {
        Move move = CURRENT.get();
        return move != null && move.about(formId, recordId) && move.toState != null && move.createdAt != null
                ? Optional.of(new Entering(move.toState, move.createdAt, move.fromState))
                : Optional.empty();
    }

    /** Whether the current thread is moving record {@code recordId} of {@code formId} to {@code state}. */
    static boolean allows(String formId, Long recordId, Object state) {
        Move move = CURRENT.get();
        return move != null && move.about(formId, recordId) && move.toState != null && move.toState.equals(state);
    }

    /** Whether a transition being written on the record lets {@code field} change whatever the state allows. */
    static boolean allowsField(String formId, Long recordId, String field) {
        Move move = CURRENT.get();
        return move != null && move.about(formId, recordId) && (move.fields == null || move.fields.contains(field));
    }
}
