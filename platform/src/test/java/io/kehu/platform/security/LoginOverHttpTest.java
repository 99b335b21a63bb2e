package io.kehu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.support.HttpBrowser;
import io.kehu.platform.support.KehuServerTest;
import io.kehu.platform.support.TestAccounts;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sign-in POST over real HTTP against the running application: it needs the page's CSRF token and a same-site
 * origin (login CSRF), and every response carries the security headers and a SameSite session cookie.
 */
@KehuServerTest
class LoginOverHttpTest {

    @LocalServerPort
    int port;

    private HttpBrowser browser;

    @BeforeEach
    void newBrowser() {
        browser = new HttpBrowser(port, "en-US");
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

    private String[] loginPageToken() throws IOException, InterruptedException {
        return browser.loginPageToken();
    }

    private HttpResponse<String> postLogin(String[] token, String origin, String fetchSite)
            throws IOException, InterruptedException {
        return browser.postLogin("staff", TestAccounts.DEMO_PASSWORD, token, origin, fetchSite);
    }

    private boolean signedIn() throws IOException, InterruptedException {
        HttpResponse<String> home = get("/");
        return home.statusCode() == 200;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.get(path);
    }
}
