package io.kehu.platform.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The machine's Chromium (Debian package {@code chromium}) driven by Playwright; Playwright's own browser download is
 * not used. Override the executable with {@code KEHU_CHROMIUM}.
 */
public final class Chromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
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

    /** Where screenshots go: {@code target/screenshots/NAME.png}. */
    /**
     * Signs in on {@code baseUrl}/login and waits until the browser has left the login page. Waits for the login
     * web component to be defined before typing, and checks the typed values stuck: typed too early, while the
     * component is still starting on a busy machine, they are wiped and the form is submitted empty.
     */
    public static void signIn(Page page, String baseUrl, String username, String password) {
        AssertionError last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            page.navigate(baseUrl + "/login");
            page.waitForFunction("() => !!customElements.get('vaadin-login-form')"
                    + " && !!document.querySelector('#vaadinLoginUsername input')"
                    + " && !!document.querySelector('#vaadinLoginPassword input')");
            var user = page.locator("#vaadinLoginUsername input");
            var secret = page.locator("#vaadinLoginPassword input");
            user.fill(username);
            secret.fill(password);
            if (!username.equals(user.inputValue()) || !password.equals(secret.inputValue())) {
                last = new AssertionError("The login form lost the typed values (attempt " + attempt + ")");
                continue;
            }
            secret.press("Enter");
            try {
                page.waitForURL(Pattern.compile("^(?!.*/login).*$"), new Page.WaitForURLOptions().setTimeout(60_000));
                return;
            } catch (com.microsoft.playwright.TimeoutError stillOnLogin) {
                last = new AssertionError("Still on the login page after signing in as " + username
                        + " (attempt " + attempt + ")", stillOnLogin);
            }
        }
        throw last;
    }

    public static Path screenshot(String name) {
        return Path.of("target", "screenshots", name + ".png");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
