package io.kehu.platform.api.web;

import io.kehu.platform.api.ApiTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;

/**
 * The API's own filter chain on {@code /api/**}, ahead of Vaadin's chain (which serves every other address):
 * stateless and token-only. The security context is kept in the request, never in the HTTP session, so a browser's
 * session cookie authenticates nothing here; since cookies carry no authority, there is nothing for CSRF to forge
 * and CSRF protection is off. Conversely Vaadin's chain knows no bearer tokens, so a token opens no screen.
 *
 * <p>The interactive documentation page and its static files ({@code /api/docs/**}) are public; the OpenAPI
 * document itself needs a token, since it shows the forms and fields the token's user may read.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens,
                                       @Value("${kehu.api.requests-per-minute:600}") int perMinute) throws Exception {
        http.securityMatcher("/api/**");
        // No session management at all (rather than the STATELESS policy, which still ran a session strategy and a
        // URL-encoding guard on every request): nothing here creates or reads a session — the context lives in the
        // request, and the request cache, CSRF, logout and form login are off.
        http.sessionManagement(session -> session.disable());
        http.securityContext(context -> context.securityContextRepository(
                new RequestAttributeSecurityContextRepository()));
        http.csrf(csrf -> csrf.disable());
        http.requestCache(cache -> cache.disable());
        http.formLogin(form -> form.disable());
        http.httpBasic(basic -> basic.disable());
        http.logout(logout -> logout.disable());
        // Every request runs this chain, so it holds only what the API uses: no anonymous authentication (a request
        // without a token has none, and the entry point answers 401), no servlet API wrapper around each request
        // (the controllers read the caller from the security context, never request.getUserPrincipal()).
        http.anonymous(anonymous -> anonymous.disable());
        http.servletApi(servletApi -> servletApi.disable());
        http.addFilterBefore(new BearerTokenFilter(tokens, new RateLimits(perMinute)),
                AnonymousAuthenticationFilter.class);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/api/docs", "/api/docs/**").permitAll()
                .anyRequest().authenticated());
        http.exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint((request, response, e) ->
                        Problems.write(BearerTokenFilter.unauthorized(), request, response))
                .accessDeniedHandler((request, response, e) ->
                        Problems.write(new ApiProblem(HttpStatus.FORBIDDEN, "forbidden"), request, response)));
        // The security headers are set before the request runs (not when the answer is committed), which spares every
        // call a wrapper around the response and its output stream; nothing in /api resets the headers.
        http.headers(headers -> {
            headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                @Override
                public <O extends HeaderWriterFilter> O postProcess(O filter) {
                    filter.setShouldWriteHeadersEagerly(true);
                    return filter;
                }
            });
            headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                            + "style-src 'self' 'unsafe-inline'; object-src 'none'; frame-ancestors 'none'"))
                    .cacheControl(cache -> { });
        });
        return http.build();
    }
}
