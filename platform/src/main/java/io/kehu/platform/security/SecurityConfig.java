package io.kehu.platform.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.kehu.platform.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in with Vaadin's login view against {@code kehu_user}; bcrypt hashes; throttled failures; a fresh session id
 * after sign-in (session fixation); views guarded by {@code @RolesAllowed}/{@code @PermitAll}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager)
            throws Exception {
        http.authenticationManager(authenticationManager);
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        // Our own static style sheet (META-INF/resources) is needed by the login page too; webjars are public
        // libraries loaded as plain scripts (Chart.js), which Vaadin's configurer would otherwise refuse with 403.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/kehu.css", "/webjars/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
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
