package io.kehu.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in POST sent by another site's page (login CSRF: a foreign page would otherwise sign the visitor's
 * browser into the attacker's account). The CSRF token already stops it; this second check needs no state: a browser
 * always says where a POST comes from, in {@code Sec-Fetch-Site} and {@code Origin}. Requests without either header
 * (scripts, old clients) are left to the token check.
 *
 * <p>Same origin means: the {@code Origin} names the host and port the request was sent to, as seen through a trusted
 * reverse proxy ({@code server.forward-headers-strategy}) or in the {@code Host} header, or one of the origins listed
 * in {@code kehu.security.allowed-origins}.
 */
class LoginOriginFilter extends OncePerRequestFilter {

    private final String loginPath;
    private final Set<String> allowedOrigins;

    LoginOriginFilter(String loginPath, Set<String> allowedOrigins) {
        this.loginPath = loginPath;
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !loginPath.equals(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (foreign(request)) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A plain 403 written here, not {@code sendError}: the error dispatch would pass through security again and turn
     * into a redirect to the login page. Both languages, since the user's choice is not known before sign-in.
     */
    static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("""
                登录被拒绝：登录页面已过期，或来自其他网站。请重新打开登录页面。
                Sign-in refused: the sign-in page was out of date or sent from another site. Open the sign-in page again.
                """);
    }

    private boolean foreign(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String header = request.getHeader("Origin");
        if (header == null) {
            return false;
        }
        if (allowedOrigins.contains(header.toLowerCase(Locale.ROOT))) {
            return false;
        }
        URI uri;
        try {
            uri = URI.create(header);
        } catch (IllegalArgumentException e) {
            return true; // "null" (sandboxed frames, file:) and garbage are foreign
        }
        if (uri.getHost() == null) {
            return true;
        }
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String origin = uri.getHost() + ":" + (uri.getPort() != -1 ? uri.getPort() : defaultPort);
        String served = request.getServerName() + ":" + request.getServerPort();
        String host = request.getHeader("Host");
        String hostWithPort = host == null ? null
                : host.matches(".*:\\d+$") ? host : host + ":" + defaultPort;
        return !origin.equalsIgnoreCase(served) && !origin.equalsIgnoreCase(hostWithPort);
    }
}
