package io.kehu.platform.records;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import java.util.Optional;

/**
 * A veto on writes: every Spring bean of this type is asked before each create, update, delete and restore, after
 * validation and inside the transaction. A refusal aborts the write with {@link RecordRefusedException} and nothing is
 * written. None is registered by default; plugins and workflows add theirs.
 */
@FunctionalInterface
public interface RecordGuard {

    /** The reason to refuse {@code change}, or empty to let it through. */
    Optional<LocalizedText> check(RecordChange change);

    /**
     * Whether this guard may refuse any write to {@code form} at this moment. Writes ask before checking (bulk writes
     * once per chunk) and do not call {@link #check} when the answer is false, so answer false only when {@code check}
     * would let every change of the form through (e.g. nobody listens to the form). By default: true.
     */
    default boolean watches(FormDefinition form) {
        return true;
    }
}
