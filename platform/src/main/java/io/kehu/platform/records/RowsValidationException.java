package io.kehu.platform.records;

import java.util.List;
import java.util.Map;

/**
 * A record saved together with its subtable rows was refused because the record, some rows, or both have wrong or
 * missing values; nothing at all was written. The record's own errors are those of {@link #errors()}; each row's are
 * under its subtable field and screen position.
 */
public class RowsValidationException extends RecordValidationException {

    private final transient Map<String, Map<Integer, List<FieldError>>> rowErrors;

    public RowsValidationException(List<FieldError> recordErrors,
                                   Map<String, Map<Integer, List<FieldError>>> rowErrors) {
        super(recordErrors.isEmpty() ? List.of(new FieldError(null, "rows", io.kehu.platform.forms.LocalizedText.of(
                "子表中有需要修改的行", "Some rows of a subtable need changes"))) : recordErrors);
        this.rowErrors = Map.copyOf(rowErrors);
    }

    /** Subtable field id → row index → the errors of that row. */
    public Map<String, Map<Integer, List<FieldError>>> rowErrors() {
        return rowErrors;
    }
}
