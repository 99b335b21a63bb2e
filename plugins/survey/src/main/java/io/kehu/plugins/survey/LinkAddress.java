package io.kehu.plugins.survey;

import com.vaadin.flow.server.VaadinRequest;

/**
 * The address customers open, built from the request the staff member's browser made (a proxy's
 * {@code X-Forwarded-Proto} / {@code X-Forwarded-Host} first), so a link works from wherever Kehu is reached.
 */
final class LinkAddress {

    private LinkAddress() {
    }

    /** {@code https://crm.example.com} (no trailing slash); {@code http://localhost} outside a request. */
    static String base() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null) {
            return "http://localhost";
        }
        String host = first(request.getHeader("X-Forwarded-Host"), request.getHeader("Host"), "localhost");
        String scheme = first(request.getHeader("X-Forwarded-Proto"), request.isSecure() ? "https" : "http", "http");
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return scheme + "://" + host + context;
    }

    static String personal(String token) {
        return base() + "/public/survey/" + AnswerPage.PATH + "?t=" + token;
    }

    /**
     * A personal link made in a request (the browser's address) or outside one — a job, a timer's workflow step, a
     * mail — with the platform's public address ({@code kehu.public-url}).
     */
    static String personal(io.kehu.sdk.PluginContext context, String token) {
        String base = VaadinRequest.getCurrent() != null ? base() : context.mail().publicUrl();
        return base + "/public/survey/" + AnswerPage.PATH + "?t=" + token;
    }

    static String open(String token) {
        return base() + "/public/survey/" + OpenAnswerPage.PATH + "?c=" + token;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                // a proxy may list several hops: the first is what the browser used
                return v.split(",")[0].trim();
            }
        }
        return "";
    }
}
