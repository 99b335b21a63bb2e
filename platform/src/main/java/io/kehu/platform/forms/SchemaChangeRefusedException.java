package io.kehu.platform.forms;

import java.util.List;

/**
 * Publishing was refused because the new definitions would lose data or cannot be stored; nothing was changed. The
 * message lists every reason, one per line, each naming form, field, old and new type and what to do instead.
 */
public class SchemaChangeRefusedException extends RuntimeException {

    private final List<String> reasons;

    public SchemaChangeRefusedException(List<String> reasons) {
        super(String.join("\n", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
