package io.kehu.platform.api.web;

import io.kehu.platform.api.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests by {@code Authorization: Bearer kehu_…} only (a session cookie counts for nothing here),
 * then applies the token's rate limit. A missing token leaves the request unauthenticated, and the chain's entry point
 * answers 401; a wrong, revoked or expired one is answered 401 at once. Not a Spring bean, so that Spring Boot does
 * not also register it for every address of the application.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final RateLimits limits;

    BearerTokenFilter(ApiTokens tokens, RateLimits limits) {
        this.tokens = tokens;
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Authenticated> found = tokens.authenticate(header.substring(7).strip());
        if (found.isEmpty()) {
            Problems.write(unauthorized(), request, response);
            return;
        }
        long wait = limits.tryTake(found.get().token().id());
        if (wait > 0) {
            Problems.write(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", limits.perMinute(), wait)
                    .header("Retry-After", Long.toString(wait)), request, response);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiCaller(found.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static ApiProblem unauthorized() {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized").header("WWW-Authenticate",
                "Bearer realm=\"kehu\"");
    }
}
