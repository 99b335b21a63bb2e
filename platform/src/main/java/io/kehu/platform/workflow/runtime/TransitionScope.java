package io.kehu.platform.workflow.runtime;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Marks, for the current thread, the one status change a transition is writing, so that {@link StatusFieldGuard} lets
 * exactly that change through and refuses every other way of changing the status field (a form edit, a bulk
 * update, an import, a plugin). Only {@code Workflows} opens a scope; plugins see the SDK, not this class.
 */
public final class TransitionScope {

    private record Move(String formId, long recordId, String toState) {
    }

    private static final ThreadLocal<Move> CURRENT = new ThreadLocal<>();

    private TransitionScope() {
    }

    /** Runs {@code write} with the move of record {@code recordId} of {@code formId} to {@code toState} allowed. */
    public static <T> T moving(String formId, long recordId, String toState, Supplier<T> write) {
        Move outer = CURRENT.get();
        CURRENT.set(new Move(formId, recordId, toState));
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

    /** Whether the current thread is moving record {@code recordId} of {@code formId} to {@code state}. */
    static boolean allows(String formId, Long recordId, Object state) {
        Move move = CURRENT.get();
        return move != null && move.formId().equals(formId) && Objects.equals(move.recordId(), recordId)
                && move.toState().equals(state);
    }
}
