package io.kehu.platform;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Kehu's host application: Spring Boot + Vaadin Flow, loading capabilities from PF4J plugins.
 *
 * <p>Vaadin 25 no longer applies Lumo implicitly, hence the explicit style sheet; {@code kehu.css} (static, from
 * {@code META-INF/resources}) adds the few responsive rules of our own.
 *
 * <p>Installable (web manifest, icons) but without an offline service worker: see {@code ui.NoOfflineWorker}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("kehu.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@PWA(name = "Kehu 客户", shortName = "Kehu", offline = false)
public class KehuApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(KehuApplication.class, args);
        // The build's training run (platform/pom.xml, profile aot-cache) starts completely - runners, plugin host -
        // and then leaves, so that the JVM writes the AOT cache of every class a start-up needs.
        if (context.getEnvironment().getProperty("kehu.exit-when-started", Boolean.class, false)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
