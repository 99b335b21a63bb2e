package io.kehu.platform.support;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * A cookie-keeping HTTP client against the running application, for tests that need real status codes and headers:
 * it reads the login page's CSRF token and posts the sign-in form as a browser does. Redirects are not followed, so
 * that tests see them. Every request says it prefers {@code language} (an {@code Accept-Language} value).
 */
public final class HttpBrowser {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]+)\"");

    private final int port;
    private final String language;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpBrowser(int port, String language) {
        this.port = port;
        this.language = language;
    }

    /** GETs the login page; returns the CSRF parameter name and token from its meta tags. */
    public String[] loginPageToken() throws IOException, InterruptedException {
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

    /** Posts the sign-in form with {@code token} (none when null) from {@code origin} and {@code fetchSite}. */
    public HttpResponse<String> postLogin(String username, String password, String[] token, String origin,
                                          String fetchSite) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (token == null ? "" : "&" + token[0] + "=" + URLEncoder.encode(token[1], StandardCharsets.UTF_8));
        HttpRequest.Builder post = request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            post.header("Origin", origin);
        }
        if (fetchSite != null) {
            post.header("Sec-Fetch-Site", fetchSite);
        }
        return client.send(post.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as a browser on this site does, and checks that it worked. */
    public void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> post = postLogin(username, password, loginPageToken(), origin(), "same-origin");
        assertThat(post.statusCode()).as("sign-in redirects").isEqualTo(302);
        assertThat(post.headers().firstValue("Location")).get().asString().doesNotContain("error");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public String origin() {
        return "http://localhost:" + port;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path)).header("Accept", "text/html")
                .header("Accept-Language", language);
    }
}
