package io.kehu.platform.api;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person makes an API token on a phone in Chinese (secret shown once, copy button, 44 px targets), then opens the
 * API page in a desktop browser, pastes the token and gets the generated documentation drawn by Swagger UI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/journey-${random.uuid}",
        "kehu.demo.customers=3",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class ApiJourneyIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    private BrowserContext context;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void quit() {
        chromium.close();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void staffMakeATokenOnAPhoneAndReadTheApiPageWithIt() {
        Page phone = newPage("zh-CN", 390, 844);
        Chromium.signIn(phone, url(""), "staff", TestAccounts.DEMO_PASSWORD);
        phone.navigate(url("/api-tokens"));
        Chromium.awaitVisible(phone, phone.locator("#new-api-token"), 30_000);
        assertThat(phone.locator("#api-token-count")).hasText(Pattern.compile("^共 \\d+ 个令牌$"));
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("api-tokens-phone-zh")));

        phone.locator("#new-api-token").click();
        phone.locator("#api-token-name input").fill("商城订单同步");
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("api-token-new-phone-zh")));
        phone.locator("#create-api-token").click();
        Chromium.awaitVisible(phone, phone.locator("#api-token-secret"), 15_000);
        String secret = phone.locator("#api-token-secret input").inputValue();
        assertThat(secret).startsWith("kehu_");
        assertThat(phone.getByText("请现在复制并保存此令牌，关闭后将无法再次查看。")).isVisible();
        assertThat(phone.locator("#copy-api-token").boundingBox().height).isGreaterThanOrEqualTo(30);
        phone.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("api-token-secret-phone-zh")));
        phone.getByText("我已保存，关闭").click();
        assertThat(phone.locator("#api-tokens")).containsText("商城订单同步");
        assertThat(tokens.authenticate(secret)).isPresent();

        Page desktop = newPage("en-US", 1366, 900);
        desktop.navigate(url("/api/docs"));
        desktop.locator("#kehu-token").fill(secret);
        desktop.locator("#kehu-token-form button").click();
        Chromium.awaitVisible(desktop, desktop.locator(".opblock").first(), 30_000);
        assertThat(desktop.locator(".opblock-summary-path").first()).containsText("/api/forms/");
        desktop.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("api-docs-en")));
    }

    private Page newPage(String locale, int width, int height) {
        Browser browser = chromium.browser();
        if (context != null) {
            context.close();
        }
        context = browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
