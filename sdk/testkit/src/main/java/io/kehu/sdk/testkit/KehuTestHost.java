package io.kehu.sdk.testkit;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import io.kehu.platform.KehuApplication;
import io.kehu.platform.api.ApiScopes;
import io.kehu.platform.api.ApiTokens;
import io.kehu.platform.notifications.Notifications;
import io.kehu.platform.plugins.PluginHarness;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginInfo;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Teams;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.webhooks.EndpointSettings;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.webhooks.PayloadFormat;
import io.kehu.platform.webhooks.Webhooks;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobStatus;
import io.kehu.sdk.records.PluginRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A whole Kehu running in this JVM with one plugin under test, as {@link KehuPluginTest} tests receive it. Benchmarks
 * and other harnesses start one themselves with {@link #builder()}, e.g. on PostgreSQL:
 *
 * <pre>{@code
 * try (KehuTestHost kehu = KehuTestHost.builder()
 *         .plugin(PluginUnderTest.fromBuild())
 *         .database("jdbc:postgresql://127.0.0.1:5432/bench", "postgres", "")
 *         .start()) {
 *     kehu.runJob("evaluate");
 * }
 * }</pre>
 *
 * <p>The users {@code admin} (ADMIN), {@code manager} (MANAGER) and {@code staff} (STAFF) exist, with the passwords
 * {@link #ADMIN_PASSWORD} and {@link #DEMO_PASSWORD} for browser tests against {@link #baseUrl()}.
 */
public final class KehuTestHost implements AutoCloseable {

    /** The password of {@code admin}. */
    public static final String ADMIN_PASSWORD = "testkit-Admin-1";
    /** The password of {@code manager} and {@code staff}. */
    public static final String DEMO_PASSWORD = "testkit-Demo-1";

    private static final Routes ROUTES = new Routes().autoDiscoverViews("io.kehu.platform");

    private final ConfigurableApplicationContext context;
    private final String pluginId;
    private final Path folder;
    private final PluginHarness harness;

    private KehuTestHost(ConfigurableApplicationContext context, String pluginId, Path folder) {
        this.context = context;
        this.pluginId = pluginId;
        this.folder = folder;
        this.harness = context.getBean(PluginHarness.class);
    }

    /** Settings for a host started by hand. */
    public static Builder builder() {
        return new Builder();
    }

    /** The id of the plugin under test. */
    public String pluginId() {
        return pluginId;
    }

    /** The context the host lent the plugin under test: what its extensions use. */
    public PluginContext context() {
        return harness.context(pluginId);
    }

    /**
     * Records as {@code username} ({@code admin}, {@code manager}, {@code staff}) sees and changes them, with that
     * user's permissions and audited under that name: to set up data as real users would, and to check that the
     * plugin's own records respect permissions.
     */
    public PluginRecords recordsAs(String username) {
        return harness.recordsAs(username);
    }

    /** The instances of one extension point the host took from the started plugin, e.g. its {@code RecordListener}s. */
    public <T> List<T> extensions(Class<T> point) {
        return harness.extensions(pluginId, point);
    }

    /**
     * The instance of {@code implementation} among the plugin's {@code point} extensions, e.g.
     * {@code extension(RecordPanel.class, LoyaltyPanel.class)}. Matched by class name: the host loads the plugin's
     * classes in the plugin's own class loader, as in production, so the instance is not of the test's copy of the
     * class; use it through the extension point's interface.
     */
    public <T> T extension(Class<T> point, Class<?> implementation) {
        return extensions(point).stream().filter(e -> e.getClass().getName().equals(implementation.getName()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The plugin provides no " + point.getSimpleName() + " "
                        + implementation.getName()));
    }

    /** Runs one of the plugin's scheduled jobs now, on this thread, through the host's job lock; its state after. */
    public JobStatus runJob(String jobId) {
        return harness.runJob(pluginId, jobId);
    }

    /** Runs {@code action} signed in as {@code username}: {@code context().recordsOfCurrentUser()} acts as that user. */
    public void asUser(String username, Runnable action) {
        harness.asUser(username, () -> {
            action.run();
            return null;
        });
    }

    /** Like {@link #asUser(String, Runnable)}, returning what {@code action} returns. */
    public <T> T callAsUser(String username, Supplier<T> action) {
        return harness.asUser(username, action);
    }

    /**
     * Opens a mock Vaadin session (Karibu-Testing) signed in as {@code username}, in English, with Kehu's routes and
     * the plugin's views: navigate with {@code UI.getCurrent().navigate("apps/<id>/<path>")} and find components
     * with Karibu's {@code LocatorJ}. The {@link KehuPluginTest} extension closes it after each test.
     */
    public KehuUi ui(String username) {
        return ui(username, Locale.ENGLISH);
    }

    /** {@link #ui(String)} in the given language, e.g. {@code Locale.SIMPLIFIED_CHINESE}. */
    public KehuUi ui(String username, Locale locale) {
        closeUi();
        Authentication authentication = harness.authentication(username);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(authentication);
        request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        UI.getCurrent().setLocale(locale);
        return new KehuUi(this);
    }

    /** Ends the mock Vaadin session, if one is open. */
    public void closeUi() {
        if (UI.getCurrent() != null) {
            MockVaadin.tearDown();
        }
        SecurityContextHolder.clearContext();
    }

    /** Stops the plugin (as an admin disabling it): its views, jobs and listeners go; its forms and data stay. */
    public void disablePlugin() {
        host().disable(admin(), pluginId);
    }

    /** Starts the plugin again after {@link #disablePlugin()}; throws with the host's reason if it fails. */
    public void enablePlugin() {
        host().enable(admin(), pluginId);
        requireStarted();
    }

    /** The host's view of the plugin: status, version, extensions, last error. */
    public PluginInfo pluginInfo() {
        return host().plugin(pluginId).orElseThrow();
    }

    /**
     * Subscribes a webhook endpoint at {@code url} to the events of the plugin under test ({@code plugin.<id>.*}: what
     * it publishes on its event bus, and its notices), as an administrator does on the Webhooks screen, in the
     * Standard Webhooks format; answers the endpoint's signing secret ({@code whsec_…}). The host's delivery poller
     * sends each event within a few seconds, signed, so a test can check with its own receiver what an integration
     * will receive.
     */
    public String subscribeWebhook(String url) {
        return context.getBean(Webhooks.class).addEndpoint(admin(), new EndpointSettings(url, "testkit " + pluginId,
                PayloadFormat.STANDARD, Set.of(EventType.PLUGIN), Set.of()).withPlugins(Set.of(pluginId))).secret();
    }

    /**
     * A REST API token of {@code username} ({@code admin}, {@code manager}, {@code staff}) for every form, as the user
     * makes one on API 令牌: to check the plugin's forms over {@code baseUrl() + "/api/forms/<form>/records"} with
     * {@code Authorization: Bearer <token>}, with that user's permissions.
     */
    public String apiToken(String username) {
        UserAccount account = context.getBean(UserAccounts.class).findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("No user " + username));
        return context.getBean(ApiTokens.class).create(Actor.of(account), account.id(), "testkit " + pluginId,
                ApiScopes.ALL, null).secret();
    }

    /**
     * What {@code username} was told in the app (the bell: tasks given, workflow notices, plugins'
     * {@code workflows().notify}), newest first, at most 50 — to check that a notice reached the right person.
     */
    public List<LocalText> notices(String username) {
        long userId = context.getBean(UserAccounts.class).findByUsername(username).orElseThrow().id();
        return context.getBean(Notifications.class).recent(userId, 50).stream()
                .map(n -> LocalText.of(n.title().zh(), n.title().en())).toList();
    }

    /**
     * Saves a list view of {@code formId} for {@code username} — as the list view's 保存视图 would — listing the
     * records whose fields equal the given values (as typed), e.g. {@code saveListView("manager", "customer",
     * "华东重点客户", Map.of("region", "east_china"))}; returns its id, the id {@code RecordSearch.savedView} takes.
     */
    public long saveListView(String username, String formId, String viewName, Map<String, String> equals) {
        Actor actor = Actor.of(context.getBean(UserAccounts.class).findByUsername(username).orElseThrow());
        return context.getBean(io.kehu.platform.records.SavedListViews.class).saveEquals(actor, formId, viewName,
                null, equals).id();
    }

    /**
     * Publishes a form definition (JSON in the {@code form-definitions} format, see docs/form-definitions.md) as the
     * form's next version, as an administrator does in the form designer — e.g. the shipped customer form with more
     * fields, to import a company's own columns into. Refused (an exception with every reason) where data would be
     * lost, as in the designer.
     */
    public void publishForm(String json) {
        java.util.Set<String> known = new java.util.HashSet<>();
        context.getBean(io.kehu.platform.forms.FormCatalog.class).allPublished().forEach(f -> known.add(f.id()));
        io.kehu.platform.forms.FormDefinition definition = context.getBean(io.kehu.platform.forms.DefinitionReader.class)
                .read("testkit", json, known);
        context.getBean(io.kehu.platform.forms.FormPublisher.class).publish(definition, "admin", "testkit");
    }

    /**
     * Imports a CSV or Excel file into {@code formId} as {@code username} would with the import wizard (导入): the
     * file kept and read with the guessed encoding and delimiter, the columns mapped by the wizard's proposal (headers
     * matched to field ids and labels) plus {@code columns} (file header → field id) for headers it does not match,
     * create mode, bad rows skipped and reported, rows that look like duplicates created anyway (the file is the
     * source), run to the end through the platform's one write path — the same checks, rules and record listeners
     * (plugins' included) as records saved on screen.
     *
     * @return what the import did
     */
    public ImportResult importFile(String username, String formId, Path file, Map<String, String> columns) {
        io.kehu.platform.imports.Imports imports = context.getBean(io.kehu.platform.imports.Imports.class);
        Actor actor = Actor.of(context.getBean(UserAccounts.class).findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("No user " + username)));
        try {
            io.kehu.platform.imports.ImportSource source;
            try (java.io.InputStream in = Files.newInputStream(file)) {
                source = imports.keep(in, file.getFileName().toString());
            }
            io.kehu.platform.forms.FormDefinition form = context.getBean(io.kehu.platform.forms.FormCatalog.class)
                    .published(formId).orElseThrow(() -> new IllegalArgumentException("No published form " + formId));
            io.kehu.platform.imports.ImportMapping mapping = imports.proposeMapping(form, imports.headers(source),
                    actor);
            for (io.kehu.platform.imports.ImportMapping.Column column : mapping.columns()) {
                if (columns.containsKey(column.header())) {
                    mapping = mapping.with(column.index(), columns.get(column.header()));
                }
            }
            long job = imports.runNow(actor, new io.kehu.platform.imports.ImportSettings(formId, source, mapping,
                    io.kehu.platform.imports.ImportMode.CREATE, true, false));
            io.kehu.platform.imports.ImportJob done = imports.job(actor, job).orElseThrow();
            List<String> problems = imports.result(job).map(r -> r.firstProblems().stream()
                    .map(p -> "row " + p.row() + " " + p.column() + " '" + p.value() + "': " + p.reason().en())
                    .toList()).orElse(List.of());
            Map<String, String> mapped = new LinkedHashMap<>();
            mapping.columns().stream().filter(c -> c.fieldId() != null)
                    .forEach(c -> mapped.put(c.header(), c.fieldId()));
            return new ImportResult(done.status(), done.created(), done.refused(), mapped, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What {@link #importFile} did.
     *
     * @param status the import job's end state, {@code DONE} when it ran to the end
     * @param created records created
     * @param refused rows refused by the checks (left out)
     * @param mapped file header → field id, as imported
     * @param firstProblems the first problems, e.g. {@code row 12 TotalCharges '': must be filled in}
     */
    public record ImportResult(String status, long created, long refused, Map<String, String> mapped,
                               List<String> firstProblems) {
    }

    /** The address of the running server, e.g. for Playwright: {@code http://localhost:<port>}. */
    public String baseUrl() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://localhost:" + port;
    }

    /**
     * Sets whom {@code username} reports to ({@code null}: nobody), as an administrator does on the users screen —
     * what the SDK's {@code users().managerOf} and {@code users().team} read. The manager must be a manager or an
     * administrator.
     */
    public void reportsTo(String username, String managerUsername) {
        UserAccounts accounts = context.getBean(UserAccounts.class);
        long user = accounts.findByUsername(username).orElseThrow().id();
        Long manager = managerUsername == null ? null : accounts.findByUsername(managerUsername).orElseThrow().id();
        context.getBean(Teams.class).assign(admin(), user, manager);
    }

    /** Stops Kehu and deletes its temporary files (an H2 database included). */
    @Override
    public void close() {
        closeUi();
        context.close();
        deleteQuietly(folder);
    }

    private PluginHost host() {
        return context.getBean(PluginHost.class);
    }

    private Actor admin() {
        return Actor.of(context.getBean(UserAccounts.class).findByUsername("admin").orElseThrow());
    }

    private void requireStarted() {
        if (!harness.started(pluginId)) {
            String reason = host().plugin(pluginId).map(PluginInfo::error).orElse(null);
            throw new IllegalStateException("Plugin " + pluginId + " did not start: "
                    + (reason == null ? "the host found no such plugin in its plugins directory" : reason));
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Temporary files; the OS cleans up what is left.
        }
    }

    /** Settings of a host started by hand ({@link KehuTestHost#builder()}). */
    public static final class Builder {

        private PluginUnderTest plugin;
        private final List<Path> otherPlugins = new ArrayList<>();
        private int demoCustomers;
        private boolean seedForms = true;
        private String dbUrl = "";
        private String dbUser = "";
        private String dbPassword = "";
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder() {
        }

        /** The plugin under test (required), usually {@link PluginUnderTest#fromBuild()}. */
        public Builder plugin(PluginUnderTest plugin) {
            this.plugin = plugin;
            return this;
        }

        /** A further plugin file installed first, e.g. one the plugin under test depends on. */
        public Builder otherPlugin(Path file) {
            otherPlugins.add(file);
            return this;
        }

        /** Demo customers generated at start; none by default. */
        public Builder demoCustomers(int count) {
            this.demoCustomers = count;
            return this;
        }

        /** Whether the shipped seed forms are published (default yes). */
        public Builder seedForms(boolean seed) {
            this.seedForms = seed;
            return this;
        }

        /** Another database than a fresh H2 one, e.g. a throw-away PostgreSQL database for a benchmark. */
        public Builder database(String url, String user, String password) {
            this.dbUrl = url;
            this.dbUser = user;
            this.dbPassword = password;
            return this;
        }

        /** Any other Kehu setting, e.g. {@code property("logging.level.kehu.plugin", "debug")}. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /**
         * Starts Kehu (a real server on a free port, production-mode Vaadin) with the plugin installed.
         *
         * @throws IllegalStateException naming the host's reason when the plugin does not start
         */
        public KehuTestHost start() {
            if (plugin == null) {
                throw new IllegalStateException("No plugin under test: call plugin(PluginUnderTest.fromBuild())");
            }
            Path folder;
            try {
                folder = Files.createTempDirectory("kehu-testkit-");
                Path plugins = Files.createDirectories(folder.resolve("plugins"));
                for (Path other : otherPlugins) {
                    Files.copy(other, plugins.resolve(other.getFileName()));
                }
                plugin.packInto(plugins);
            } catch (IOException e) {
                throw new UncheckedIOException("The testkit could not prepare its folder", e);
            }
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("server.port", "0");
            settings.put("kehu.db.url", dbUrl);
            settings.put("kehu.db.user", dbUser);
            settings.put("kehu.db.password", dbPassword);
            settings.put("kehu.db.data-dir", folder.resolve("data").toString());
            settings.put("kehu.plugins.dir", folder.resolve("plugins").toString());
            // Only the plugins of this test: not whatever the local build bundled next to the platform.
            settings.put("kehu.plugins.bundled-dir", "none");
            settings.put("kehu.accounts.admin-password", ADMIN_PASSWORD);
            settings.put("kehu.accounts.demo-password", DEMO_PASSWORD);
            settings.put("kehu.accounts.demo-users", "true");
            settings.put("kehu.demo.customers", Integer.toString(demoCustomers));
            settings.put("kehu.forms.seed", Boolean.toString(seedForms));
            settings.put("kehu.forms.seed-dir", "");
            settings.put("vaadin.productionMode", "true");
            settings.put("logging.level.root", "warn");
            settings.put("logging.level.kehu.plugin", "info");
            settings.putAll(properties);
            String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(KehuApplication.class).run(args);
            KehuTestHost host = new KehuTestHost(context, plugin.id(), folder);
            try {
                host.requireStarted();
            } catch (RuntimeException e) {
                host.close();
                throw e;
            }
            return host;
        }
    }
}
