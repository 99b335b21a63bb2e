package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * Serves the two busiest addresses of the API, a page of records ({@code GET /api/forms/<form>/records}) and a
 * create ({@code POST} to the same address), straight from the servlet filter chain, behind the API's security chain
 * (token, scopes, rate limit and security headers have run) but before Spring MVC. For a path with a variable, MVC's
 * dispatch tried the conditions of every mapping, bound each argument by reflection and published an event per
 * request: a sixth of a list call's server time (see docs/benchmarks.md, ApiBench). The work itself is the
 * controller's ({@link RecordsController#list}, {@link RecordsController#createInto}), and a refusal is answered by
 * the same {@link ApiExceptionHandler} method MVC would choose, so both routes answer alike. Anything else (other
 * methods, addresses, an {@code Accept} that JSON does not satisfy, encoded path characters) goes on to MVC.
 */
final class DirectRecordsRoute extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DirectRecordsRoute.class);
    private static final String PREFIX = "/api/forms/";
    private static final String SUFFIX = "/records";

    private final RecordsController controller;
    private final ApiExceptionHandler handler;
    private final ExceptionHandlerMethodResolver refusals =
            new ExceptionHandlerMethodResolver(ApiExceptionHandler.class);

    DirectRecordsRoute(RecordsController controller, ApiExceptionHandler handler) {
        this.controller = controller;
        this.handler = handler;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        boolean get = "GET".equals(method);
        String formId = get || "POST".equals(method) ? formOf(request) : null;
        if (formId == null || !acceptsJson(request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (get) {
                controller.list(formId, request, response);
            } else {
                controller.createInto(formId, request.getHeader("Idempotency-Key"), request, response);
            }
        } catch (Exception e) {
            answer(e, request, response);
        }
    }

    /** The form of {@code /api/forms/<form>/records}, or null for any other address. */
    static String formOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        int start = request.getContextPath().length();
        if (!uri.startsWith(PREFIX, start) || !uri.endsWith(SUFFIX)) {
            return null;
        }
        int from = start + PREFIX.length();
        int to = uri.length() - SUFFIX.length();
        if (to <= from) {
            return null;
        }
        for (int i = from; i < to; i++) {
            char c = uri.charAt(i);
            // Anything MVC would decode or treat specially (percent-encoding, matrix parameters, more segments) goes
            // the ordinary way.
            if (c == '/' || c == '%' || c == ';' || c == '\\') {
                return null;
            }
        }
        return uri.substring(from, to);
    }

    /** Whether JSON is acceptable, as the controller's {@code produces} requires (no header: anything is). */
    static boolean acceptsJson(String accept) {
        return accept == null || accept.isEmpty() || accept.contains("json") || accept.contains("*/*")
                || accept.contains("application/*");
    }

    private void answer(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            log.error("API request {} {} failed after its answer began", request.getMethod(), request.getRequestURI(),
                    e);
            return;
        }
        // The body only: the security headers were set before the request ran and stay (the answer's own headers
        // are set only once its body is complete, so a refusal finds none of them).
        response.resetBuffer();
        Method method = refusals.resolveMethodByThrowable(e);
        ResponseEntity<ProblemDetail> answer;
        try {
            ReflectionUtils.makeAccessible(method);
            @SuppressWarnings("unchecked")
            ResponseEntity<ProblemDetail> resolved = (ResponseEntity<ProblemDetail>) method.invoke(handler,
                    matching(e, method.getParameterTypes()[0]), request);
            answer = resolved;
        } catch (IllegalAccessException | InvocationTargetException failed) {
            throw new IllegalStateException("The API's refusal handler failed", failed);
        }
        Problems.write(answer.getStatusCode().value(), answer.getHeaders(), answer.getBody(), response);
    }

    /** The exception or the cause the handler was chosen for, as MVC passes it. */
    private static Throwable matching(Throwable e, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return e;
    }
}
