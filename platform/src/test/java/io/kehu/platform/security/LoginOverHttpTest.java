package io.kehu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.support.TestAccounts;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in POST over real HTTP against the running application: it needs the page's CSRF token and a same-site
 * origin (login CSRF), and every response carries the security headers and a SameSite session cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kehu.db.url=",
        "kehu.db.data-dir=target/test-data/${random.uuid}",
        "kehu.forms.seed=false",
        "kehu.demo.customers=0",
        "kehu.accounts.admin-password=" + TestAccounts.ADMIN_PASSWORD,
        "kehu.accounts.demo-password=" + TestAccounts.DEMO_PASSWORD})
class LoginOverHttpTest {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Test
    void aBrowserSignsInWithTheTokenFromTheLoginPage() throws Exception {
        String[] token = loginPageToken();
        HttpResponse<String> post = postLogin(token, "http://localhost:" + port, "same-origin");
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(post.headers().firstValue("Location")).get().asString().doesNotContain("error");
        assertThat(signedIn()).isTrue();
    }

    @Test
    void aLoginWithoutTheTokenIsRefused() throws Exception {
        loginPageToken(); // the session exists, only the token is missing from the form
        HttpResponse<String> post = postLogin(null, "http://localhost:" + port, "same-origin");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(signedIn()).isFalse();
    }

    @Test
    void aLoginFromAForeignPageIsRefusedEvenWithAToken() throws Exception {
        String[] token = loginPageToken();
        assertThat(postLogin(token, "https://attacker.example", null).statusCode()).isEqualTo(403);
        assertThat(postLogin(token, "null", null).statusCode()).isEqualTo(403);
        assertThat(postLogin(token, null, "cross-site").statusCode()).isEqualTo(403);
        assertThat(signedIn()).isFalse();
    }

    @Test
    void responsesCarrySecurityHeadersAndALaxSessionCookie() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("default-src 'self'", "frame-ancestors 'self'", "object-src 'none'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement().asString().contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
    }

    @Test
    void aSignedInUserWithAMistypedAddressReachesTheAppNotAnEmpty403() throws Exception {
        postLogin(loginPageToken(), "http://localhost:" + port, "same-origin");
        HttpResponse<String> unknown = get("/no-such-page");
        // the page is the app; its router then shows the in-app "page not found" (ErrorPagesTest)
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("<html");
    }

    /** GETs the login page; returns the CSRF parameter name and token from its meta tags. */
    private String[] loginPageToken() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        String name = null;
        String value = null;
        Matcher m = META.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals("_csrf")) {
                value = m.group(2);
            } else {
                name = m.group(2);
            }
        }
        assertThat(name).as("the CSRF meta tags the login form reads").isNotNull();
        assertThat(value).isNotNull();
        return new String[] {name, value};
    }

    private HttpResponse<String> postLogin(String[] token, String origin, String fetchSite) throws Exception {
        String form = "username=staff&password=" + URLEncoder.encode(TestAccounts.DEMO_PASSWORD, StandardCharsets.UTF_8)
                + (token == null ? "" : "&" + token[0] + "=" + URLEncoder.encode(token[1], StandardCharsets.UTF_8));
        HttpRequest.Builder post = HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            post.header("Origin", origin);
        }
        if (fetchSite != null) {
            post.header("Sec-Fetch-Site", fetchSite);
        }
        return browser.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean signedIn() throws IOException, InterruptedException {
        HttpResponse<String> home = get("/");
        return home.statusCode() == 200;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
