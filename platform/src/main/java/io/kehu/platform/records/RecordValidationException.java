package io.kehu.platform.records;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A save refused because values are missing or wrong; nothing was written. Lists every problem found. */
public class RecordValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public RecordValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.message().in(Locale.ENGLISH)).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
