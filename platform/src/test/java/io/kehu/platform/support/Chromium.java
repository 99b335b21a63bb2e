package io.kehu.platform.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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
    public static Path screenshot(String name) {
        return Path.of("target", "screenshots", name + ".png");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
