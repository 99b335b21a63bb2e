package io.kehu.platform.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code /sw.js} with a service worker that does nothing and unregisters itself, instead of the offline
 * worker of Vaadin's prebuilt front-end bundle (which registers it whatever {@code @PWA} says).
 *
 * <p>Why: that worker precaches {@code /} and re-fetches navigations in the background. A request it started before
 * sign-in still carries the old session id; reaching the server after sign-in changed that id (session-fixation
 * protection), it got a new anonymous session whose cookie replaced the signed-in one - the user was signed out
 * again, seen as a first page after sign-in that stayed blank or fell back to the login page. Kehu offers no offline
 * mode, so the worker bought nothing; browsers that installed it earlier fetch this script on their next visit and
 * drop it.
 */
@Configuration(proxyBeanMethods = false)
class NoOfflineWorker {

    static final String SCRIPT = """
            // Kehu has no offline mode: this worker replaces an earlier one, then removes itself.
            self.addEventListener('install', () => self.skipWaiting());
            self.addEventListener('activate', () => self.registration.unregister());
            """;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> noOfflineWorkerFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                                    FilterChain chain) throws IOException {
                        response.setContentType("text/javascript;charset=UTF-8");
                        response.setHeader("Cache-Control", "no-cache");
                        response.getOutputStream().write(SCRIPT.getBytes(StandardCharsets.UTF_8));
                    }
                });
        registration.addUrlPatterns("/sw.js");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
