package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.api.web.ApiProblem.FieldProblem;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.RecordNotFoundException;
import io.kehu.platform.records.RecordValidationException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/** Refusals of reads as the API's problems: a filter value that does not fit its field is a bad query parameter. */
final class QueryErrors {

    private QueryErrors() {
    }

    static <T> T run(Supplier<T> read) {
        try {
            return read.get();
        } catch (RecordValidationException e) {
            ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query");
            for (FieldError error : e.errors()) {
                problem.error(FieldProblem.withText(null, error.fieldId(), error.code(), error.message()));
            }
            throw problem;
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query");
        }
    }

    static <T> T notFoundAsProblem(String formId, long id, Supplier<T> read) {
        try {
            return read.get();
        } catch (RecordNotFoundException e) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "record_not_found", formId, id);
        }
    }
}
