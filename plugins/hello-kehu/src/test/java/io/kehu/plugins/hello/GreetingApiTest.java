package io.kehu.plugins.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plugin's form is a REST resource like any published form (issue 19: "plugin forms included"): listed, read and
 * written over real HTTP with a user's token, the plugin's veto answered as a problem in the request's language, and
 * described in the OpenAPI document.
 */
@KehuPluginTest
class GreetingApiTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(KehuTestHost kehu, String token, String path, String method, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(kehu.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "zh-CN");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePluginsFormIsListedReadAndWrittenOverTheRestApi(KehuTestHost kehu) throws Exception {
        String token = kehu.apiToken("staff");
        RecordData saved = kehu.recordsAs("staff").create(HelloForms.FORM, Map.of("message", "早安，今天也要加油"));

        HttpResponse<String> forms = send(kehu, token, "/api/forms", "GET", null);
        assertThat(forms.statusCode()).isEqualTo(200);
        assertThat(forms.body()).contains("\"id\":\"" + HelloForms.FORM + "\"");

        HttpResponse<String> one = send(kehu, token, "/api/forms/" + HelloForms.FORM + "/records/" + saved.id(),
                "GET", null);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        assertThat(one.body()).contains("\"message\":\"早安，今天也要加油\"");

        HttpResponse<String> created = send(kehu, token, "/api/forms/" + HelloForms.FORM + "/records", "POST",
                "{\"message\": \"下午好\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> page = send(kehu, token, "/api/forms/" + HelloForms.FORM
                + "/records?message%5Bcontains%5D=%E4%B8%8B%E5%8D%88&limit=10", "GET", null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("\"message\":\"下午好\"").doesNotContain("早安");

        // The plugin's own veto (a RecordListener) holds over the API, in the caller's language, and saves nothing.
        HttpResponse<String> rude = send(kehu, token, "/api/forms/" + HelloForms.FORM + "/records", "POST",
                "{\"message\": \"a rude one\"}");
        assertThat(rude.statusCode()).isEqualTo(422);
        assertThat(rude.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(rude.body()).contains("请使用礼貌的问候语。");

        HttpResponse<String> openApi = send(kehu, token, "/api/openapi.json", "GET", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"/api/forms/" + HelloForms.FORM + "/records\"");
    }
}
