package io.kehu.sdk.testkit;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link KehuPluginTest}: starts one {@link KehuTestHost} per distinct set of settings
 * in the test run (kept in the root store, so JUnit closes it when the run ends), hands it to parameters of type
 * {@link KehuTestHost}, and closes a mock UI a test left open.
 */
public final class KehuPluginExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KehuPluginExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        host(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        host(context).closeUi();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KehuTestHost.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return host(context);
    }

    private static KehuTestHost host(ExtensionContext context) {
        KehuPluginTest settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), KehuPluginTest.class)
                .orElseThrow(() -> new IllegalStateException("Use @KehuPluginTest on the test class"));
        String key = settings.demoCustomers() + "|" + settings.seedForms() + "|"
                + String.join(",", settings.otherPlugins());
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(key, k -> start(settings), KehuTestHost.class);
    }

    private static KehuTestHost start(KehuPluginTest settings) {
        KehuTestHost.Builder builder = KehuTestHost.builder()
                .plugin(PluginUnderTest.fromBuild())
                .demoCustomers(settings.demoCustomers())
                .seedForms(settings.seedForms());
        List<Path> others = Arrays.stream(settings.otherPlugins()).map(Path::of).toList();
        others.forEach(builder::otherPlugin);
        return builder.start();
    }
}
