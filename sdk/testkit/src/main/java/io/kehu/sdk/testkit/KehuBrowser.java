package io.kehu.sdk.testkit;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.TimeoutError;
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
 * A plugin's journey in a real browser: the machine's Chromium (Debian package {@code chromium}, or
 * {@code KEHU_CHROMIUM}) driven by Playwright, without Playwright's own browser download, in Chinese, at a phone's or
 * a desk's size, against the Kehu of a {@link KehuTestHost}.
 *
 * <pre>{@code
 * try (KehuBrowser browser = KehuBrowser.phone(kehu)) {
 *     Page page = browser.signIn("staff");
 *     page.navigate(kehu.baseUrl() + "/apps/loyalty/counter");
 *     ...
 * }
 * }</pre>
 *
 * A journey that runs longer than {@value #LONGEST_JOURNEY_MINUTES} minutes has its Chromium killed, so that a
 * Playwright call that never returns (seen in CI after a failed step) fails the test instead of blocking the build.
 */
public final class KehuBrowser implements AutoCloseable {

    /** A phone's screen in CSS pixels (the size the project's phone journeys use). */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;

    static final long LONGEST_JOURNEY_MINUTES = 10;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kehu-browser-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final KehuTestHost kehu;
    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    private final ScheduledFuture<?> watchdog;

    private KehuBrowser(KehuTestHost kehu, Playwright playwright, Browser browser, BrowserContext context) {
        this.kehu = kehu;
        this.playwright = playwright;
        this.browser = browser;
        this.context = context;
        this.watchdog = WATCHDOG.schedule(KehuBrowser::killBrowsers, LONGEST_JOURNEY_MINUTES, TimeUnit.MINUTES);
    }

    /** A browser at a phone's size (390×844), zh-CN. */
    public static KehuBrowser phone(KehuTestHost kehu) {
        return open(kehu, PHONE_WIDTH, PHONE_HEIGHT);
    }

    /**
     * A browser whose pages are {@code width}×{@code height}, zh-CN, waiting up to two minutes for each step (a
     * shared build machine is slow). Fails with what to install when there is no Chromium.
     */
    public static KehuBrowser open(KehuTestHost kehu, int width, int height) {
        Path executable = Path.of(System.getenv().getOrDefault("KEHU_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(executable)) {
            throw new AssertionError("Browser tests need Chromium at " + executable
                    + ": install it with 'apt-get install -y chromium' (.ci/run does) or set KEHU_CHROMIUM.");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                    .setViewportSize(width, height));
            context.setDefaultTimeout(120_000);
            return new KehuBrowser(kehu, playwright, browser, context);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** The browser's context (its pages, cookies, default time-out). */
    public BrowserContext context() {
        return context;
    }

    /** A new page (tab), signed out unless a page of this browser signed in. */
    public Page newPage() {
        return context.newPage();
    }

    /**
     * A new page signed in as {@code username} with the demo password ({@link KehuTestHost#DEMO_PASSWORD}): it waits
     * for the login form's web component before typing and checks the typed values stuck (typed too early, while the
     * component is still starting on a busy machine, they are wiped and an empty form is sent), up to three tries.
     */
    public Page signIn(String username) {
        Page page = newPage();
        AssertionError last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            page.navigate(kehu.baseUrl() + "/login");
            page.waitForFunction("() => !!customElements.get('vaadin-login-form')"
                    + " && !!document.querySelector('#vaadinLoginUsername input')"
                    + " && !!document.querySelector('#vaadinLoginPassword input')");
            var user = page.locator("#vaadinLoginUsername input");
            var secret = page.locator("#vaadinLoginPassword input");
            user.fill(username);
            secret.fill(KehuTestHost.DEMO_PASSWORD);
            if (!username.equals(user.inputValue()) || !KehuTestHost.DEMO_PASSWORD.equals(secret.inputValue())) {
                last = new AssertionError("The login form lost the typed values (attempt " + attempt + ")");
                continue;
            }
            secret.press("Enter");
            try {
                page.waitForURL(Pattern.compile("^(?!.*/login).*$"), new Page.WaitForURLOptions().setTimeout(60_000));
                return page;
            } catch (TimeoutError stillOnLogin) {
                last = new AssertionError("Still on the login page after signing in as " + username + " (attempt "
                        + attempt + "): " + page.url(), stillOnLogin);
            }
        }
        throw last;
    }

    @Override
    public void close() {
        try {
            context.close();
            browser.close();
        } finally {
            playwright.close();
            watchdog.cancel(false);
        }
    }

    private static void killBrowsers() {
        System.err.println("A browser journey ran for more than " + LONGEST_JOURNEY_MINUTES
                + " minutes: killing its Chromium so the journey fails instead of hanging");
        ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.contains("chromium")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
