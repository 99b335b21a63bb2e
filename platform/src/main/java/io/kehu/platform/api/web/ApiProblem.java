package io.kehu.platform.api.web;

import io.kehu.platform.forms.LocalizedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal of an API request, answered as {@code application/problem+json}: the status, the bundle keys of its
 * title and detail (localized per request by {@link Problems}), field errors at their JSON pointer or query
 * parameter, extra members and headers.
 */
public final class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final transient List<Object> detailArgs;
    private final transient List<FieldProblem> errors = new ArrayList<>();
    private final transient Map<String, Object> members = new LinkedHashMap<>();
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    /**
     * One field's problem.
     *
     * @param pointer the JSON pointer into the request body ({@code /phone}), or {@code null}
     * @param parameter the query parameter concerned, or {@code null}
     * @param code a stable machine code ({@code required}, {@code unknown_field}, ...)
     * @param text the text in both languages, or {@code null} to use {@code detailKey}
     * @param detailKey a bundle key whose text takes {@code args}
     * @param args the key's arguments
     */
    public record FieldProblem(String pointer, String parameter, String code, LocalizedText text, String detailKey,
                               List<Object> args) {

        public static FieldProblem withText(String pointer, String parameter, String code, LocalizedText text) {
            return new FieldProblem(pointer, parameter, code, text, null, List.of());
        }

        public static FieldProblem atPointer(String pointer, String code, String detailKey, Object... args) {
            return new FieldProblem(pointer, null, code, null, detailKey, List.of(args));
        }

        public static FieldProblem atParameter(String parameter, String code, String detailKey, Object... args) {
            return new FieldProblem(null, parameter, code, null, detailKey, List.of(args));
        }
    }

    /**
     * {@code key}: the texts are {@code api.problem.<key>.title} and {@code .detail}. Without a stack trace: a problem
     * is an answer to the client, never logged as a fault, and one is made on every list request and write to collect
     * the request's field problems, where walking the deep stack (Tomcat, Spring Security, MVC) would be wasted work.
     */
    public ApiProblem(HttpStatus status, String key, Object... detailArgs) {
        super(status.value() + " " + key, null, false, false);
        this.status = status;
        this.key = key;
        this.detailArgs = List.of(detailArgs);
    }

    public ApiProblem error(FieldProblem error) {
        errors.add(error);
        return this;
    }

    /** Adds the field errors of {@code other} to this problem. */
    public ApiProblem errorsFrom(ApiProblem other) {
        errors.addAll(other.errors);
        return this;
    }

    public ApiProblem member(String name, Object value) {
        members.put(name, value);
        return this;
    }

    public ApiProblem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String key() {
        return key;
    }

    public List<Object> detailArgs() {
        return detailArgs;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> members() {
        return members;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
