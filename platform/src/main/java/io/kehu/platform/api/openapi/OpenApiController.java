package io.kehu.platform.api.openapi;

import io.kehu.platform.api.rest.ApiForms;
import io.kehu.platform.api.web.ApiCaller;
import io.kehu.platform.api.web.Problems;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.records.Records;
import io.kehu.platform.workflow.Workflows;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/openapi.json}: the OpenAPI 3.1 document for the calling token (generated per request from the
 * published forms, so a form or field published a moment ago is in it); {@code /api/docs}: Swagger UI from the
 * {@code org.webjars:swagger-ui} web jar, which asks for a token and loads the document with it.
 */
@RestController
class OpenApiController {

    private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.35.0/";
    private static final Map<String, MediaType> ASSETS = Map.of(
            "swagger-ui.css", MediaType.valueOf("text/css"),
            "swagger-ui-bundle.js", MediaType.valueOf("text/javascript"),
            "swagger-ui-standalone-preset.js", MediaType.valueOf("text/javascript"));

    private final ApiForms forms;

    private final Workflows workflows;
    private final Records records;

    OpenApiController(FormCatalog catalog, Workflows workflows, Records records) {
        this.forms = new ApiForms(catalog);
        this.workflows = workflows;
        this.records = records;
    }

    @GetMapping(path = "/api/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> document(HttpServletRequest request) {
        ApiCaller caller = ApiCaller.current();
        return new OpenApiDocument(Problems.language(request), caller.actor(), workflows::workflow,
                formId -> records.listColumns(caller.actor(), formId)).build(forms.all(caller));
    }

    @GetMapping(path = "/api/docs", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) throws IOException {
        Locale language = Problems.language(request);
        boolean zh = "zh".equals(language.getLanguage());
        String html = resource("io/kehu/platform/api/openapi/docs.html")
                .replace("{{lang}}", zh ? "zh-CN" : "en")
                .replace("{{title}}", zh ? "客户 API 文档" : "Kehu API documentation")
                .replace("{{tokenLabel}}", zh ? "API 令牌" : "API token")
                .replace("{{tokenHint}}", zh ? "粘贴 kehu_ 开头的令牌，文档按该令牌的权限生成"
                        : "Paste a kehu_ token; the document shows what that token may use")
                .replace("{{load}}", zh ? "载入文档" : "Load documentation");
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    @GetMapping(path = "/api/docs/kehu-docs.js")
    ResponseEntity<String> script() throws IOException {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript;charset=UTF-8"))
                .body(resource("io/kehu/platform/api/openapi/kehu-docs.js"));
    }

    @GetMapping(path = "/api/docs/swagger-ui/{file}")
    ResponseEntity<byte[]> asset(@PathVariable("file") String file) throws IOException {
        MediaType type = ASSETS.get(file);
        if (type == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SWAGGER_UI + file)) {
            if (in == null) {
                return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
            }
            return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                    .body(in.readAllBytes());
        }
    }

    private String resource(String path) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("Missing " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
