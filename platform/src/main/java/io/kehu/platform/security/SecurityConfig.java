package io.kehu.platform.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Sign-in with Vaadin's login view against {@code kehu_user}; bcrypt hashes; throttled failures; a fresh session id
 * after sign-in (session fixation); views guarded by {@code @RolesAllowed}/{@code @PermitAll}.
 *
 * <p>The sign-in POST needs the CSRF token (Vaadin's login form sends it from the page's {@code _csrf} meta tags;
 * Vaadin itself leaves the login path out of the CSRF check, which allowed login CSRF) and a same-site origin
 * ({@link LoginOriginFilter}). Vaadin's own requests keep their own protection (the UI's security key), as Vaadin
 * configures it. Every response carries a Content-Security-Policy fitted to Vaadin Flow, a Referrer-Policy and
 * {@code X-Content-Type-Options: nosniff}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    /**
     * Vaadin Flow needs inline styles (Lumo, component styles) and inline/eval'd scripts (the bootstrap and
     * {@code executeJs}); everything else comes from this origin only, and no other site may frame the app.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            RequestUtil requestUtil,
                                            @Value("${kehu.security.allowed-origins:}") String allowedOrigins)
            throws Exception {
        http.authenticationManager(authenticationManager);
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        // Our own static style sheet (META-INF/resources) is needed by the login page too; Chart.js (the SDK's chart
        // component loads it from its web jar) is a public library: Vaadin's configuration would deny it (403).
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/kehu.css", "/webjars/chart.js/**")
                .permitAll());
        // Plugins' public pages (SDK PublicPage, e.g. a survey's answer page from a personal link) open without
        // sign-in: only the GET of the page; the route target (PublicPluginPage) is the only @AnonymousAllowed view
        // there, rate-limited per address, and its later requests are Vaadin's own, protected by the UI's key.
        http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/public/**").permitAll());
        // As Vaadin's default minus its exemption of the login POST.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(requestUtil::isFrameworkInternalRequest));
        http.exceptionHandling(exceptions -> exceptions.defaultAccessDeniedHandlerFor(
                (request, response, denied) -> LoginOriginFilter.refuse(response),
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login")));
        http.addFilterBefore(new LoginOriginFilter("/login", origins(allowedOrigins)), CsrfFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentTypeOptions(nosniff -> { }));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .enableCsrfConfiguration(false)
                // Vaadin denies paths that are no route before Flow sees them: a signed-in user got an empty 403 for
                // a mistyped address. Let them through to the router, which shows the in-app "page not found" (404);
                // routes keep their own checks (navigation access control), strangers still go to the login page.
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    private static Set<String> origins(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with an {id} prefix so the algorithm can be upgraded without a reset.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationManager authenticationManager(UserAccounts accounts, PasswordEncoder passwordEncoder,
                                                LoginThrottle throttle) {
        UserDetailsService users = username -> accounts.findByUsername(username)
                .map(KehuUserDetails::new)
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottlingAuthenticationProvider(passwordCheck, throttle));
    }
}
