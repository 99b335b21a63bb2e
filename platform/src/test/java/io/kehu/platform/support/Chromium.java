package io.kehu.platform.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The machine's Chromium (Debian package {@code chromium}) driven by Playwright; Playwright's own browser download is
 * not used. Override the executable with {@code KEHU_CHROMIUM}.
 */
public final class Chromium implements AutoCloseable {

    /**
     * A journey takes a minute or two even on a busy machine. After a failed step, Playwright's close of a context has
     * been seen to wait for ever (CI blocked in {@code BrowserContext.close}); past this limit the browser is killed,
     * which ends the pending close with an error, so the journey fails (and is rerun) instead of blocking the build.
     */
    private static final long LONGEST_JOURNEY_MINUTES = 10;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "chromium-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Playwright playwright;
    private final Browser browser;
    private final ScheduledFuture<?> watchdog;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
        this.watchdog = WATCHDOG.schedule(Chromium::killBrowsers, LONGEST_JOURNEY_MINUTES, TimeUnit.MINUTES);
    }

    private static void killBrowsers() {
        System.err.println("A browser journey ran for more than " + LONGEST_JOURNEY_MINUTES
                + " minutes: killing its Chromium so the journey fails instead of hanging");
        ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.contains("chromium")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    public static Chromium launch() {
        Path executable = Path.of(System.getenv().getOrDefault("KEHU_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Browser tests need Chromium at " + executable
                    + ": install it with 'apt-get install -y chromium' (.ci/run does) or set KEHU_CHROMIUM.");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    /**
     * Signs in on {@code baseUrl}/login and waits until the browser has left the login page. Waits for the login
     * web component to be defined before typing, and checks the typed values stuck: typed too early, while the
     * component is still starting on a busy machine, they are wiped and the form is submitted empty.
     */
    public static void signIn(Page page, String baseUrl, String username, String password) {
        watch(page);
        AssertionError last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            page.navigate(baseUrl + "/login");
            if (!typeCredentials(page, username, password)) {
                last = new AssertionError("The login form lost the typed values (attempt " + attempt + ")");
                continue;
            }
            page.locator("#vaadinLoginPassword input").press("Enter");
            try {
                page.waitForURL(Pattern.compile("^(?!.*/login).*$"), new Page.WaitForURLOptions().setTimeout(60_000));
                return;
            } catch (com.microsoft.playwright.TimeoutError stillOnLogin) {
                last = new AssertionError(describe(page, "Still on the login page after signing in as " + username
                        + " (attempt " + attempt + ")"), stillOnLogin);
            }
        }
        throw last;
    }

    /**
     * Types into the login form of the current page once its web component is defined and its inputs exist.
     *
     * @return whether both values are still there afterwards (a component that finishes starting after the typing
     *         wipes them)
     */
    public static boolean typeCredentials(Page page, String username, String password) {
        watch(page);
        page.waitForFunction("() => !!customElements.get('vaadin-login-form')"
                + " && !!document.querySelector('#vaadinLoginUsername input')"
                + " && !!document.querySelector('#vaadinLoginPassword input')");
        var user = page.locator("#vaadinLoginUsername input");
        var secret = page.locator("#vaadinLoginPassword input");
        user.fill(username);
        secret.fill(password);
        return username.equals(user.inputValue()) && password.equals(secret.inputValue());
    }

    /**
     * Waits until {@code locator} (typically the page's heading) is visible. On time-out the error says where the
     * browser is and what it shows - URL, title, the start of the page's text, whether Vaadin's client started, the
     * browser console and failed requests since {@link #signIn} - instead of a bare "not visible".
     */
    public static void awaitVisible(Page page, com.microsoft.playwright.Locator locator, double timeoutMillis) {
        try {
            locator.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(timeoutMillis));
        } catch (com.microsoft.playwright.TimeoutError notThere) {
            throw new AssertionError(describe(page, "Not visible after " + (long) timeoutMillis + " ms: " + locator),
                    notThere);
        }
    }

    private static String describe(Page page, String problem) {
        StringBuilder text = new StringBuilder(problem).append("\n  url: ").append(page.url());
        try {
            text.append("\n  title: ").append(page.title());
            text.append("\n  vaadin client started: ").append(page.evaluate(
                    "() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                            + " && Object.keys(window.Vaadin.Flow.clients).length)"));
            String body = String.valueOf(page.evaluate("() => document.body ? document.body.innerText : '(no body)'"));
            text.append("\n  text: ").append(body.length() > 400 ? body.substring(0, 400) + "…" : body);
        } catch (RuntimeException pageGone) {
            text.append("\n  (page not readable: ").append(pageGone.getMessage()).append(')');
        }
        List<String> events = EVENTS.get(page);
        if (events != null) {
            synchronized (events) {
                text.append("\n  browser events:");
                events.forEach(e -> text.append("\n    ").append(e));
            }
        }
        return text.toString();
    }

    /** Console messages, failed and slow requests per page, for {@link #describe}. */
    private static final Map<Page, List<String>> EVENTS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static void watch(Page page) {
        if (EVENTS.containsKey(page)) {
            return;
        }
        List<String> events = new java.util.ArrayList<>();
        EVENTS.put(page, events);
        long start = System.nanoTime();
        java.util.function.Consumer<String> add = event -> {
            synchronized (events) {
                events.add(String.format("%6d ms %s", (System.nanoTime() - start) / 1_000_000, event));
                if (events.size() > 60) {
                    events.remove(0);
                }
            }
        };
        page.onConsoleMessage(m -> add.accept("console." + m.type() + ": " + m.text()));
        page.onPageError(e -> add.accept("page error: " + e));
        page.onRequestFailed(r -> add.accept("request failed: " + r.method() + " " + r.url() + " " + r.failure()));
        page.onResponse(r -> {
            if (r.status() >= 300 || r.url().contains("v-r=init") || r.request().isNavigationRequest()) {
                add.accept("response " + r.status() + ": " + r.request().method() + " " + r.url());
            }
        });
        page.onFrameNavigated(f -> {
            if (f.parentFrame() == null) {
                add.accept("navigated: " + f.url());
            }
        });
    }

    public static Path screenshot(String name) {
        return Path.of("target", "screenshots", name + ".png");
    }

    @Override
    public void close() {
        watchdog.cancel(false);
        browser.close();
        playwright.close();
    }
}
