package io.kehu.platform.records;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One write after the per-record half of {@link WriteChecks}: the complete values it leaves behind, what it changes
 * and the problems found so far (the batch half adds to them).
 *
 * @param id the record id; 0 on create
 * @param rowVersion the version the writer read; 0 on create
 * @param values the complete values after the write (converted, defaults and computed fields included)
 * @param old the stored record before the write; {@code null} on create
 * @param changed the fields whose value the write sets (on create: the non-empty ones)
 * @param errors what is wrong so far, mutable while the checks run
 */
record PreparedWrite(long id, int rowVersion, Map<String, Object> values, Record old, Set<String> changed,
                            List<FieldError> errors) {

    boolean isCreate() {
        return old == null;
    }

    /** An update that changes nothing and is not wrong: nothing to check or write. */
    boolean isNoOp() {
        return old != null && changed.isEmpty() && errors.isEmpty();
    }
}
