package io.kehu.platform.designer;

import io.kehu.platform.forms.FormDefinition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Undo and redo as a bounded stack of definition snapshots: the model is immutable, so a snapshot is just a reference.
 * Also remembers the last saved (or published) definition, which is what "unsaved changes" compares against.
 */
final class DesignerHistory {

    static final int LIMIT = 100;

    private final Deque<FormDefinition> undo = new ArrayDeque<>();
    private final Deque<FormDefinition> redo = new ArrayDeque<>();
    private FormDefinition current;
    private FormDefinition saved;

    DesignerHistory(FormDefinition start) {
        this.current = start;
        this.saved = start;
    }

    FormDefinition current() {
        return current;
    }

    /** Makes {@code next} current; returns false (and changes nothing) when it equals the current one. */
    boolean apply(FormDefinition next) {
        if (Objects.equals(next, current)) {
            return false;
        }
        undo.push(current);
        if (undo.size() > LIMIT) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
        return true;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    void undo() {
        if (canUndo()) {
            redo.push(current);
            current = undo.pop();
        }
    }

    void redo() {
        if (canRedo()) {
            undo.push(current);
            current = redo.pop();
        }
    }

    /** The current definition was saved as a draft or published. */
    void markSaved() {
        saved = current;
    }

    boolean isDirty() {
        return !Objects.equals(current, saved);
    }
}
