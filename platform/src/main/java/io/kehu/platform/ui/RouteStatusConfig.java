package io.kehu.platform.ui;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link RouteStatusFilter} after Spring Security's filter chain (order -100), for every address. */
@Configuration(proxyBeanMethods = false)
class RouteStatusConfig {

    @Bean
    FilterRegistrationBean<RouteStatusFilter> routeStatusFilter() {
        FilterRegistrationBean<RouteStatusFilter> registration = new FilterRegistrationBean<>(new RouteStatusFilter());
        registration.addUrlPatterns("/*");
        registration.setOrder(0);
        return registration;
    }
}
