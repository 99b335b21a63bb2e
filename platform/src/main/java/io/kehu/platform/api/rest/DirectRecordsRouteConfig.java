package io.kehu.platform.api.rest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link DirectRecordsRoute} for {@code /api/forms/*}, after Spring Security's filter chain (order -100),
 * whose API chain must have authenticated the request and applied its rate limit first.
 */
@Configuration(proxyBeanMethods = false)
class DirectRecordsRouteConfig {

    @Bean
    FilterRegistrationBean<DirectRecordsRoute> directRecordsRoute(RecordsController controller,
                                                                  ApiExceptionHandler handler) {
        FilterRegistrationBean<DirectRecordsRoute> registration =
                new FilterRegistrationBean<>(new DirectRecordsRoute(controller, handler));
        registration.addUrlPatterns("/api/forms/*");
        registration.setOrder(10);
        return registration;
    }
}
