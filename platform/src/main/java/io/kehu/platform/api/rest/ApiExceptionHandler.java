package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiProblem;
import io.kehu.platform.api.web.ApiProblem.FieldProblem;
import io.kehu.platform.api.web.Problems;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.RecordValidationException;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.workflow.TransitionRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every refusal of the API as {@code application/problem+json} (RFC 9457) in the request's language, with the
 * record store's field errors at their JSON pointer ({@code /phone}) and their stable codes.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final MediaType PROBLEM = MediaType.parseMediaType(Problems.MEDIA_TYPE);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem, HttpServletRequest request) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.status()).contentType(PROBLEM);
        problem.headers().forEach((name, value) -> response.header(name, value));
        return response.body(Problems.detail(problem, request));
    }

    @ExceptionHandler(RecordValidationException.class)
    ResponseEntity<ProblemDetail> invalid(RecordValidationException e, HttpServletRequest request) {
        ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", e.errors().size());
        for (FieldError error : e.errors()) {
            problem.error(FieldProblem.withText(error.fieldId() == null ? "" : "/" + error.fieldId(), null,
                    error.code(), error.message()));
        }
        return problem(problem, request);
    }

    @ExceptionHandler(RecordConflictException.class)
    ResponseEntity<ProblemDetail> stale(RecordConflictException e, HttpServletRequest request) {
        String when = RecordJson.instant(e.lastSavedAt());
        return problem(new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale", e.lastSavedByName(), when,
                e.currentVersion(), e.expectedVersion())
                .member("current_version", e.currentVersion())
                .member("changed_by", e.lastSavedBy())
                .member("changed_by_name", e.lastSavedByName())
                .member("changed_at", when)
                .header("ETag", "\"" + e.currentVersion() + "\""), request);
    }

    @ExceptionHandler(RecordAccessDeniedException.class)
    ResponseEntity<ProblemDetail> fieldRefused(RecordAccessDeniedException e, HttpServletRequest request) {
        ApiProblem problem = new ApiProblem(HttpStatus.FORBIDDEN, "forbidden");
        problem.error(FieldProblem.withText(e.fieldId() == null ? "" : "/" + e.fieldId(), null,
                e.fieldId() == null ? "forbidden" : "not_writable", e.text()));
        return problem(problem, request);
    }

    @ExceptionHandler(AccessRefusedException.class)
    ResponseEntity<ProblemDetail> refused(AccessRefusedException e, HttpServletRequest request) {
        return problem(new ApiProblem(HttpStatus.FORBIDDEN, "forbidden"), request);
    }

    @ExceptionHandler(RecordRefusedException.class)
    ResponseEntity<ProblemDetail> vetoed(RecordRefusedException e, HttpServletRequest request) {
        return problem(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "refused")
                .error(FieldProblem.withText("", null, "refused", e.text())), request);
    }

    /**
     * A workflow refusal with the workflow's own reason in the request's language: not in a state the transition
     * leaves from is a conflict with the record's current state (409), not allowed for this user 403, an unknown
     * transition 404, a missing comment or field, a failing guard or a record an action could not write 422.
     */
    @ExceptionHandler(TransitionRefusedException.class)
    ResponseEntity<ProblemDetail> transitionRefused(TransitionRefusedException e, HttpServletRequest request) {
        HttpStatus status = switch (e.reason()) {
            case NO_WORKFLOW, UNKNOWN_TRANSITION -> HttpStatus.NOT_FOUND;
            case WRONG_STATE, ALREADY_APPROVED, ROUND_CLOSED -> HttpStatus.CONFLICT;
            case NOT_ALLOWED, NOT_APPROVER -> HttpStatus.FORBIDDEN;
            case COMMENT_REQUIRED, COMMENT_TOO_LONG, FIELDS_MISSING, GUARD, ACTION_FAILED ->
                    HttpStatus.UNPROCESSABLE_CONTENT;
        };
        ApiProblem problem = new ApiProblem(status, "transition_refused", e.text())
                .member("reason", e.reason().name().toLowerCase(Locale.ROOT));
        if (e.decision() != null) {
            problem.member("decision", e.decision().reason().name().toLowerCase(Locale.ROOT));
            if (e.decision().field() != null) {
                problem.member("field", e.decision().field());
            }
        }
        switch (e.reason()) {
            case COMMENT_REQUIRED, COMMENT_TOO_LONG -> problem.error(FieldProblem.withText("/comment", null,
                    e.reason().name().toLowerCase(Locale.ROOT), e.text()));
            case FIELDS_MISSING -> problem.error(FieldProblem.withText("/values", null, "fields_missing", e.text()));
            default -> { }
        }
        return problem(problem, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(new ApiProblem(HttpStatus.METHOD_NOT_ALLOWED, "method", e.getMethod()), request);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return problem(new ApiProblem(HttpStatus.BAD_REQUEST, "bad_query").error(FieldProblem.atParameter(name,
                "bad_value", "api.problem.bad_query.detail")), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal"), request);
    }
}
