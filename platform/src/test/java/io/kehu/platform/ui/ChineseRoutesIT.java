package io.kehu.platform.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks every route of the running application in a zh-CN Chromium at 1366×900, as an administrator and as a STAFF
 * user (who meets the "no access" page on admin routes), and fails on English left in the visible text, tooltips,
 * placeholders and screen-reader labels ({@link UntranslatedText}). Routes come from Vaadin's route registry, so a new
 * screen is walked without touching this test; each parameter is filled with every published form and, for records,
 * a new and an existing one. Screenshots in target/screenshots/routes-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/chinese-routes-${random.uuid}",
        "kehu.demo.customers=12",
        "kehu.plugins.bundled-dir=target/plugins",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class ChineseRoutesIT {

    private static Chromium chromium;

    /**
     * Screens whose English is known and being fixed elsewhere: listed (printed) but not failing this walk, so the
     * walk guards every other screen now. Remove an entry when its screen is fixed. Empty: every screen is guarded.
     */
    private static final Map<String, String> KNOWN_ELSEWHERE = Map.of();

    /** A plugin's form whose rows the walk needs: the generic list and record page of its rows are walked too. */
    private static final String TIER_HISTORY = "tier_history";

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;
    @Autowired
    FormCatalog catalog;
    @Autowired
    Records records;
    @Autowired
    UserAccounts accounts;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    @Test
    void noRouteShowsEnglishToAChineseAdministratorOrSalesRep() {
        Map<String, List<String>> english = new LinkedHashMap<>();
        try (BrowserContext context = chineseBrowser()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            Chromium.typeCredentials(page, "", "");
            collect(page, "login", english);
        }
        for (String user : List.of("admin", "staff")) {
            try (BrowserContext context = chineseBrowser()) {
                Page page = context.newPage();
                Chromium.signIn(page, url(""), user, user.equals("admin") ? TestAccounts.ADMIN_PASSWORD
                        : TestAccounts.DEMO_PASSWORD);
                Chromium.awaitVisible(page, page.locator("#welcome"), 90_000);
                awaitTierHistory();
                List<String> paths = paths();
                assertThat(paths).as("the registry's routes, filled in").hasSizeGreaterThan(10);
                for (String path : paths) {
                    page.navigate(url("/" + path));
                    collect(page, user + "-" + (path.isEmpty() ? "home" : path), english);
                }
            }
        }
        assertThat(english).as("English in the Chinese UI, by route").isEmpty();
    }

    private void collect(Page page, String name, Map<String, List<String>> english) {
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Chromium.screenshot("routes-" + name.replaceAll("[^a-zA-Z0-9_-]+", "_"))));
        List<String> found = UntranslatedText.in(page, data());
        String path = name.substring(name.indexOf('-') + 1);
        // a STAFF user meets the "no access" page on admin routes: that page must be clean whatever is known
        String known = name.startsWith("staff-admin/") ? null : KNOWN_ELSEWHERE.entrySet().stream()
                .filter(k -> path.startsWith(k.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (!found.isEmpty() && known != null) {
            System.out.println("[known English, " + known + "] " + name + ": " + found);
        } else if (!found.isEmpty()) {
            english.put(name, found);
        }
    }

    /**
     * Waits for the first start's tier evaluation (the bundled tiering plugin classifies the demo customers), so that
     * the walk sees the plugin's history rows in the generic list and on their record page, not an empty list.
     */
    private void awaitTierHistory() {
        if (catalog.published(TIER_HISTORY).isEmpty()) {
            // The reactor builds the platform before the plugins, so on a clean build (CI) no plugin jar is in
            // platform/target/plugins yet and the walk cannot see the plugin's form; after a full package it can. The
            // tiering module's own tests check that its history shows labels, not codes (TieringChartsTest).
            System.out.println("[not walked] forms/tier_history: the tiering plugin is not in platform/target/plugins"
                    + " (build plugins/tiering first to include it)");
            return;
        }
        Actor system = Actor.system("route-walk");
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
        while (records.query(system, RecordQuery.of(TIER_HISTORY).limit(1)).isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertThat(records.query(system, RecordQuery.of(TIER_HISTORY).limit(1)))
                .as("tier history rows after the first start's tier evaluation").isNotEmpty();
    }

    /** Every registered route, each parameter filled: all published forms, a new and an existing record. */
    private List<String> paths() {
        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(servletContext));
        Actor system = Actor.system("route-walk");
        Set<String> paths = new LinkedHashSet<>();
        for (RouteData route : registry.getRegisteredRoutes()) {
            String template = route.getTemplate();
            if (template.equals("login")) {
                continue; // walked before signing in
            }
            List<String> filled = new ArrayList<>();
            if (!template.contains(":form")) {
                filled.add(template);
            } else {
                for (FormDefinition form : catalog.allPublished()) {
                    String withForm = template.replace(":form", form.id());
                    if (withForm.contains(":id")) {
                        filled.add(withForm.replace(":id", "new"));
                        records.query(system, RecordQuery.of(form.id()).limit(1)).stream().findFirst()
                                .map(Record::id).ifPresent(id -> filled.add(withForm.replace(":id", id.toString())));
                    } else {
                        filled.add(withForm);
                    }
                }
            }
            filled.stream().filter(p -> !p.contains(":")).forEach(paths::add);
        }
        return new ArrayList<>(paths);
    }

    /** Data that may be Latin: the accounts' names and sign-in names as the company typed them. */
    private List<String> data() {
        List<String> data = new ArrayList<>();
        for (UserAccount account : accounts.findAll()) {
            data.add(account.displayName());
            data.add(account.username());
        }
        return data;
    }

    private BrowserContext chineseBrowser() {
        Browser browser = chromium.browser();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setViewportSize(1366, 900));
        context.setDefaultTimeout(60_000);
        return context;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
