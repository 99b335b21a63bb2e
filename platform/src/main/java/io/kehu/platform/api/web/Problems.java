package io.kehu.platform.api.web;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.i18n.ProblemTexts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an {@link ApiProblem} into an RFC 9457 problem ({@link ProblemDetail}) in the request's language (zh or en,
 * from {@code Accept-Language}), and writes it where Spring MVC is not involved (security filters).
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BUNDLE = "i18n.api";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    /** The language of {@code request}: Chinese for any zh, otherwise English; Chinese without a header. */
    public static Locale language(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Languages.CHINESE : Languages.closest(request.getLocale());
    }

    public static ProblemDetail detail(ApiProblem problem, HttpServletRequest request) {
        Locale language = language(request);
        ProblemDetail detail = ProblemDetail.forStatus(problem.status());
        detail.setType(URI.create("https://kehu.io/problems/" + problem.key().replace('_', '-')));
        detail.setTitle(text("api.problem." + problem.key() + ".title", language, List.of()));
        // Texts given in both languages (a workflow's refusal) are shown in the request's.
        List<Object> args = problem.detailArgs().stream()
                .map(a -> a instanceof LocalizedText both ? (Object) both.in(language) : a).toList();
        String detailText = textOrNull("api.problem." + problem.key() + ".detail", language, args);
        if (detailText != null) {
            detail.setDetail(detailText);
        }
        detail.setInstance(URI.create(request.getRequestURI()));
        if (!problem.errors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (ApiProblem.FieldProblem e : problem.errors()) {
                Map<String, Object> one = new LinkedHashMap<>();
                if (e.pointer() != null) {
                    one.put("pointer", e.pointer());
                }
                if (e.parameter() != null) {
                    one.put("parameter", e.parameter());
                }
                one.put("code", e.code());
                one.put("detail", e.text() != null ? e.text().in(language) : text(e.detailKey(), language, e.args()));
                errors.add(one);
            }
            detail.setProperty("errors", errors);
        }
        problem.members().forEach(detail::setProperty);
        return detail;
    }

    /** Writes {@code problem} as the response (from a filter, outside Spring MVC). */
    public static void write(ApiProblem problem, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpHeaders headers = new HttpHeaders();
        problem.headers().forEach(headers::set);
        write(problem.status().value(), headers, detail(problem, request), response);
    }

    /**
     * Writes a problem answered outside Spring MVC, shaped as MVC's message converter shapes a {@link ProblemDetail}:
     * the standard members, then the extra ones. {@code headers} are set on the response, except the content type,
     * which is always {@value #MEDIA_TYPE}.
     */
    public static void write(int status, HttpHeaders headers, ProblemDetail detail, HttpServletResponse response)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", detail.getType().toString());
        body.put("title", detail.getTitle());
        body.put("status", detail.getStatus());
        if (detail.getDetail() != null) {
            body.put("detail", detail.getDetail());
        }
        if (detail.getInstance() != null) {
            body.put("instance", detail.getInstance().toString());
        }
        if (detail.getProperties() != null) {
            body.putAll(detail.getProperties());
        }
        response.setStatus(status);
        headers.forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }

    /** The text of {@code key} in {@code language}. */
    public static String text(String key, Locale language, List<?> args) {
        return ProblemTexts.format(BUNDLE, key, language, args.stream().map(String::valueOf).toList());
    }

    private static String textOrNull(String key, Locale language, List<?> args) {
        try {
            return text(key, language, args);
        } catch (MissingResourceException none) {
            return null;
        }
    }
}
