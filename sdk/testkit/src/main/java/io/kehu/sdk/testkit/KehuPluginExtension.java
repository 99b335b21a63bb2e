package io.kehu.sdk.testkit;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link KehuPluginTest}: starts one {@link KehuTestHost} per distinct set of settings
 * in the test run (kept in the root store, so JUnit closes it when the run ends — a PostgreSQL one drops its
 * throw-away database too), hands it to parameters of type {@link KehuTestHost}, and closes a mock UI a test left
 * open. With {@link KehuPluginTest#postgres()} and PostgreSQL not reachable, the class's tests are skipped (aborted)
 * with the reason.
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
                + String.join(",", settings.otherPlugins()) + "|" + settings.postgres();
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (!settings.postgres()) {
            return store.computeIfAbsent(key, k -> start(settings, KehuTestHost.builder()), KehuTestHost.class);
        }
        if (store.get(key + "|unreachable") != null) {
            Assumptions.abort((String) store.get(key + "|unreachable"));
        }
        OnPostgres running = store.get(key, OnPostgres.class);
        if (running == null) {
            ThrowAwayPostgres db;
            try {
                db = ThrowAwayPostgres.create("kehu_it_" + PluginUnderTest.fromBuild().id().replaceAll("[^a-z0-9]", "_"));
            } catch (SQLException unreachable) {
                String why = "PostgreSQL is not reachable (KEHU_TEST_PG_URL, default jdbc:postgresql://127.0.0.1:5432/"
                        + "test): " + unreachable.getMessage() + " - the PostgreSQL run of this test is skipped";
                store.put(key + "|unreachable", why);
                Assumptions.abort(why);
                throw new IllegalStateException(why);
            }
            running = new OnPostgres(db, start(settings, db.host()));
            store.put(key, running);
        }
        return running.host();
    }

    private static KehuTestHost start(KehuPluginTest settings, KehuTestHost.Builder builder) {
        builder.plugin(PluginUnderTest.fromBuild())
                .demoCustomers(settings.demoCustomers())
                .seedForms(settings.seedForms());
        List<Path> others = Arrays.stream(settings.otherPlugins()).map(Path::of).toList();
        others.forEach(builder::otherPlugin);
        return builder.start();
    }

    /** A host on a throw-away PostgreSQL database: closing it stops the host, then drops the database. */
    private record OnPostgres(ThrowAwayPostgres db, KehuTestHost host) implements AutoCloseable {

        @Override
        public void close() throws SQLException {
            try {
                host.close();
            } finally {
                db.close();
            }
        }
    }
}
