package io.kehu.platform.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.Chromium;
import io.kehu.platform.support.TestAccounts;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sign-in journeys in a real Chromium against the running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/journey-${random.uuid}",
        "kehu.demo.customers=5",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class SignInJourneyIT {

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;

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
    void staffSignsInSwitchesLanguageBackAndForthAndSignsOut() {
        Page page = newPage("en-US", 1280, 800);
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        signIn(page, "staff", "wrong-password");
        assertThat(page.getByText("Incorrect username or password")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("login-error")));

        String sessionBefore = sessionId();
        signIn(page, "staff", TestAccounts.DEMO_PASSWORD);
        assertThat(page.locator("#welcome")).hasText("Welcome back, 李强 Li Qiang");
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("Home"))).isVisible();
        assertThat(page.locator("#nav-admin")).hasCount(0);
        assertThat(sessionId()).as("a new session id after sign-in (session fixation)").isNotEqualTo(sessionBefore);
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("home-en")));

        page.locator("#language-switch").click();
        assertThat(page.locator("#welcome")).hasText("欢迎回来，李强 Li Qiang");
        assertThat(page.locator("vaadin-side-nav-item", new Page.LocatorOptions().setHasText("首页"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("home-zh")));

        page.locator("#language-switch").click();
        assertThat(page.locator("#welcome")).hasText("Welcome back, 李强 Li Qiang");

        signOut(page, "Sign out");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void theChosenLanguageIsRememberedAtTheNextSignIn() {
        Page page = newPage("en-US", 1280, 800);
        page.navigate(url("/login"));
        signIn(page, "manager", TestAccounts.DEMO_PASSWORD);
        page.locator("#language-switch").click();
        assertThat(page.locator("#welcome")).hasText("欢迎回来，王芳 Wang Fang");
        signOut(page, "退出登录");

        signIn(page, "manager", TestAccounts.DEMO_PASSWORD);
        assertThat(page.locator("#welcome")).hasText("欢迎回来，王芳 Wang Fang");
        accounts.saveLanguage("manager", null);
    }

    @Test
    void aChineseBrowserGetsAChineseLoginPageAndPhoneLayout() {
        Page page = newPage("zh-CN", 390, 844);
        page.navigate(url("/login"));
        assertThat(page.getByText("用户名", new Page.GetByTextOptions().setExact(true))).isVisible();
        signIn(page, "admin", TestAccounts.ADMIN_PASSWORD);
        assertThat(page.locator("#welcome")).hasText(Pattern.compile("^欢迎回来"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("home-phone-zh")));
        assertThat(page.locator("#user-name")).isHidden(); // the avatar alone fits a phone's header
        assertThat(page.locator("#nav-admin")).not().isVisible(); // the drawer folds away on a phone
        page.locator("vaadin-drawer-toggle").click();
        assertThat(page.locator("#nav-admin")).isVisible();
    }

    @Test
    void repeatedWrongPasswordsPauseSignIn() {
        accounts.create("typo", "Typo Tester", "the-right-one-1", Set.of(Role.STAFF));
        Page page = newPage("en-US", 1280, 800);
        page.navigate(url("/login"));
        for (int i = 0; i < 5; i++) {
            signIn(page, "typo", "guess-" + i);
            assertThat(page.getByText("Incorrect username or password")).isVisible();
        }
        signIn(page, "typo", "the-right-one-1");
        assertThat(page.getByText("Too many failed attempts")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("login-throttled")));
    }

    private Page newPage(String locale, int width, int height) {
        Browser browser = chromium.browser();
        context = browser.newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** Submits the login form of the current page (right or wrong credentials; no navigation, no wait for home). */
    private static void signIn(Page page, String username, String password) {
        for (int attempt = 1; !Chromium.typeCredentials(page, username, password); attempt++) {
            if (attempt == 3) {
                throw new AssertionError("The login form lost the typed values three times");
            }
        }
        page.locator("#vaadinLoginPassword input").press("Enter");
        page.waitForLoadState();
    }

    private static void signOut(Page page, String label) {
        page.locator("#user-menu vaadin-menu-bar-button").first().click();
        page.getByText(label).click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    private String sessionId() {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value)
                .findFirst().orElse("");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
