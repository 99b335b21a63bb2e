package io.kehu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.api.ApiClient.Response;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.support.HttpBrowser;
import io.kehu.platform.support.TestAccounts;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The REST API over real HTTP against the running application: permissions per role, hidden fields, ETags,
 * idempotent retries, refusals as problems, filters that cannot inject, tokens that stay apart from sessions, rate
 * limits, and the OpenAPI document read by the reference parser. Each database runs it through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {

    static final String FORM = "api_deal";
    static final String RECORDS = "/api/forms/" + FORM + "/records";
    static final String PROPERTIES_RATE = "kehu.api.requests-per-minute=300";
    /** Keeps the H2 API tests in a context of their own (the value is the default), apart from {@code KehuServerTest}'s. */
    static final String PROPERTIES_OWN = "kehu.api.token-cache-seconds=5";

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormPublisher publisher;
    @Autowired
    io.kehu.platform.api.rest.IdempotencyCleanup cleanup;
    @Autowired
    io.kehu.platform.records.Records records;

    ApiClient api;
    UserAccount admin;
    UserAccount manager;
    UserAccount staff;
    String adminToken;
    String managerToken;
    String staffToken;

    @BeforeAll
    void publishFormAndMakeTokens() {
        publisher.publish(new DefinitionReader().read("api_deal_line.json", LINE_DEFINITION), "test", "api");
        publisher.publish(read(definition(false)), "test", "api");
        api = new ApiClient(port);
        admin = accounts.findByUsername("admin").orElseThrow();
        manager = accounts.findByUsername("manager").orElseThrow();
        staff = accounts.findByUsername("staff").orElseThrow();
        adminToken = token(admin, ApiScopes.ALL, null);
        managerToken = token(manager, ApiScopes.ALL, null);
        staffToken = token(staff, ApiScopes.ALL, null);
    }

    static final String LINE_DEFINITION = """
            {"id": "api_deal_line", "label": {"zh": "商机明细", "en": "Deal line"}, "titleField": "item",
             "fields": [
              {"id": "item", "type": "text", "label": {"zh": "产品", "en": "Item"}, "required": true},
              {"id": "qty", "type": "integer", "label": {"zh": "数量", "en": "Quantity"}, "min": 1}
             ]}
            """;

    static io.kehu.platform.forms.FormDefinition read(String json) {
        return new DefinitionReader().read(FORM + ".json", json, Set.of("api_deal_line"));
    }

    static String definition(boolean withRegion) {
        return """
                {"id": "api_deal", "label": {"zh": "商机", "en": "Deal"}, "titleField": "name", "ownerField": "owner",
                 "fields": [
                  {"id": "name", "type": "text", "label": {"zh": "名称", "en": "Name"}, "required": true,
                   "indexed": true, "searchable": true},
                  {"id": "phone", "type": "phone", "label": {"zh": "电话", "en": "Phone"}},
                  {"id": "amount", "type": "money", "label": {"zh": "金额", "en": "Amount"}},
                  {"id": "signed_on", "type": "date", "label": {"zh": "签约日期", "en": "Signed on"}},
                  {"id": "stage", "type": "select", "label": {"zh": "阶段", "en": "Stage"},
                   "options": [{"value": "lead", "label": {"zh": "线索", "en": "Lead"}},
                               {"value": "won", "label": {"zh": "赢单", "en": "Won"}}]},
                  {"id": "owner", "type": "user", "label": {"zh": "负责人", "en": "Owner"}},
                  {"id": "margin", "type": "decimal", "label": {"zh": "毛利", "en": "Margin"},
                   "permissions": {"read": ["admin"], "write": ["admin"]}},
                  {"id": "lines", "type": "subtable", "label": {"zh": "明细", "en": "Lines"},
                   "form": "api_deal_line"}%s
                 ],
                 "permissions": {"read": ["staff", "manager", "admin"], "write": ["staff", "manager", "admin"]}}
                """.formatted(withRegion ? ",\n{\"id\": \"region\", \"type\": \"text\", \"label\": {\"zh\": \"区域\", "
                + "\"en\": \"Region\"}}" : "");
    }

    String token(UserAccount account, ApiScopes scopes, OffsetDateTime expiresAt) {
        return tokens.create(Actor.of(account), account.id(), "test " + UUID.randomUUID(), scopes, expiresAt)
                .secret();
    }

    Response create(String token, String json) throws Exception {
        Response created = api.post(RECORDS, token, json);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    @Test
    void pluginListColumnsComeWithThePageFilterSortAndSelectAndStayHiddenFromWhoMayNotReadThem() throws Exception {
        publisher.publish(new DefinitionReader().read("api_deal_score.json", """
                {"id": "api_deal_score", "label": {"zh": "商机评分", "en": "Deal score"}, "titleField": "note",
                 "fields": [
                  {"id": "deal", "type": "reference", "label": {"zh": "商机", "en": "Deal"}, "form": "api_deal",
                   "required": true, "indexed": true},
                  {"id": "note", "type": "text", "label": {"zh": "说明", "en": "Note"}},
                  {"id": "score", "type": "integer", "label": {"zh": "评分", "en": "Score"}},
                  {"id": "secret", "type": "integer", "label": {"zh": "内部分", "en": "Internal"},
                   "permissions": {"read": ["admin"], "write": ["admin"]}}
                 ],
                 "permissions": {"read": ["staff", "manager", "admin"], "write": ["admin"]}}
                """, Set.of("api_deal")), "test", "api list columns");
        java.util.Set<io.kehu.platform.records.RecordQuery.Operator> numbers = java.util.EnumSet.of(
                io.kehu.platform.records.RecordQuery.Operator.EQUALS,
                io.kehu.platform.records.RecordQuery.Operator.GREATER_OR_EQUAL,
                io.kehu.platform.records.RecordQuery.Operator.LESS);
        ApiListColumns.COLUMNS.add(new io.kehu.platform.records.ContributedColumn(FORM, "risk",
                io.kehu.platform.forms.LocalizedText.of("风险分", "Risk"), "api_deal_score", "deal", "score", null,
                null, io.kehu.platform.records.ContributedColumn.Kind.NUMBER, null, true, numbers, "test-plugin"));
        ApiListColumns.COLUMNS.add(new io.kehu.platform.records.ContributedColumn(FORM, "secret_risk",
                io.kehu.platform.forms.LocalizedText.of("内部风险", "Internal risk"), "api_deal_score", "deal",
                "secret", null, null, io.kehu.platform.records.ContributedColumn.Kind.NUMBER, null, true, numbers,
                "test-plugin"));
        try {
            String prefix = "列" + UUID.randomUUID().toString().substring(0, 8);
            long high = create(staffToken, "{\"name\": \"" + prefix + "高\", \"owner\": " + staff.id() + "}")
                    .json().get("id").asLong();
            long low = create(staffToken, "{\"name\": \"" + prefix + "低\", \"owner\": " + staff.id() + "}")
                    .json().get("id").asLong();
            Actor plugin = Actor.system("test-plugin");
            records.create(plugin, "api_deal_score", Map.of("deal", high, "score", 90, "secret", 9));
            records.create(plugin, "api_deal_score", Map.of("deal", low, "score", 10, "secret", 1));
            String mine = RECORDS + "?name%5Bstarts_with%5D=" + java.net.URLEncoder.encode(prefix,
                    java.nio.charset.StandardCharsets.UTF_8);

            // Staff read the score but not the internal figure: the one column is in every item, the other absent.
            Response page = api.get(mine + "&sort=-risk", staffToken);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            JsonNode items = page.json().get("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(0).get("id").asLong()).isEqualTo(high);
            assertThat(items.get(0).get("risk").asLong()).isEqualTo(90);
            assertThat(items.get(1).get("risk").asLong()).isEqualTo(10);
            assertThat(items.get(0).has("secret_risk")).isFalse();
            assertThat(api.get(mine, adminToken).json().get("items").get(0).has("secret_risk")).isTrue();

            JsonNode filtered = api.get(mine + "&risk%5Bgte%5D=50", staffToken).json().get("items");
            assertThat(filtered).hasSize(1);
            assertThat(filtered.get(0).get("id").asLong()).isEqualTo(high);
            JsonNode selected = api.get(mine + "&fields=name,risk&sort=risk", staffToken).json().get("items");
            assertThat(selected.get(0).get("id").asLong()).isEqualTo(low);
            assertThat(selected.get(0).has("risk")).isTrue();
            assertThat(selected.get(0).has("phone")).isFalse();
            assertThat(api.get(mine + "&fields=name", staffToken).json().get("items").get(0).has("risk")).isFalse();

            Response hidden = api.get(mine + "&fields=secret_risk", staffToken);
            assertThat(hidden.status()).isEqualTo(400);
            assertThat(api.get(mine + "&secret_risk%5Bgte%5D=1", staffToken).status()).isEqualTo(400);
            Response wrongOperator = api.get(mine + "&risk%5Bcontains%5D=9", staffToken);
            assertThat(wrongOperator.status()).isEqualTo(400);
            assertThat(wrongOperator.json().get("errors").get(0).get("code").asString()).isEqualTo("unknown_operator");

            Response doc = api.get("/api/openapi.json", staffToken);
            SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.body());
            assertThat(parsed.getMessages()).isEmpty();
            assertThat(doc.body()).contains("\"x-kehu-contributed-by\":\"test-plugin\"").contains("risk[eq|gte|lt]")
                    .doesNotContain("secret_risk");
        } finally {
            ApiListColumns.COLUMNS.clear();
        }
    }

    @Test
    void staffGets404ForAnotherUsersRecordAndManagersSeeIt() throws Exception {
        long id = create(adminToken, "{\"name\": \"王五的单\", \"owner\": " + manager.id() + "}").json()
                .get("id").asLong();
        Response asStaff = api.get(RECORDS + "/" + id, staffToken);
        assertThat(asStaff.status()).isEqualTo(404);
        assertThat(asStaff.header("Content-Type")).startsWith("application/problem+json");
        assertThat(asStaff.json().get("status").asInt()).isEqualTo(404);
        assertThat(api.get(RECORDS + "?id=" + id, staffToken).json().get("items").size()).isZero();
        assertThat(api.patch(RECORDS + "/" + id, staffToken, "\"0\"", "{\"name\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(api.get(RECORDS + "/" + id, managerToken).status()).isEqualTo(200);
    }

    @Test
    void fieldsTheUserMayNotReadNeverAppearAndCannotBeWrittenOrFiltered() throws Exception {
        long id = create(adminToken, "{\"name\": \"Margin deal\", \"margin\": \"12.5\", \"owner\": " + staff.id()
                + "}").json().get("id").asLong();
        JsonNode asAdmin = api.get(RECORDS + "/" + id, adminToken).json();
        assertThat(asAdmin.get("margin").asString()).isEqualTo("12.50");
        Response asStaff = api.get(RECORDS + "/" + id, staffToken);
        assertThat(asStaff.status()).isEqualTo(200);
        assertThat(asStaff.json().has("margin")).isFalse();
        assertThat(asStaff.body()).doesNotContain("margin");
        assertThat(api.get(RECORDS + "?limit=200", staffToken).body()).doesNotContain("margin");

        Response write = api.patch(RECORDS + "/" + id, staffToken, asStaff.header("ETag"), "{\"margin\": \"99\"}");
        assertThat(write.status()).as(write.toString()).isEqualTo(403);
        assertThat(write.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/margin");

        Response filter = api.get(RECORDS + "?margin%5Bgt%5D=1", staffToken);
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.json().get("errors").get(0).get("parameter").asString()).isEqualTo("margin[gt]");
        assertThat(api.get(RECORDS + "?fields=margin", staffToken).status()).isEqualTo(400);
        assertThat(api.get("/api/openapi.json", staffToken).body()).doesNotContain("\"margin\"");
    }

    @Test
    void valuesAreTypedAndAnUpdateWithAStaleEtagIs412NamingWhoChangedIt() throws Exception {
        Response created = create(staffToken, """
                {"name": "Typed", "phone": "13800138000", "amount": {"amount": "1234.5", "currency": "CNY"},
                 "signed_on": "2026-11-23", "stage": "lead"}""");
        JsonNode json = created.json();
        assertThat(json.get("amount").get("amount").asString()).isEqualTo("1234.50");
        assertThat(json.get("amount").get("currency").asString()).isEqualTo("CNY");
        assertThat(json.get("signed_on").asString()).isEqualTo("2026-11-23");
        assertThat(json.get("owner").asLong()).as("staff own what they create").isEqualTo(staff.id());
        String location = created.header("Location");
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("\"" + json.get("row_version").asInt() + "\"");

        Response missing = api.patch(location, staffToken, null, "{\"stage\": \"won\"}");
        assertThat(missing.status()).isEqualTo(428);

        Response byManager = api.patch(location, managerToken, etag, "{\"stage\": \"won\"}");
        assertThat(byManager.status()).as(byManager.toString()).isEqualTo(200);
        assertThat(byManager.header("ETag")).isNotEqualTo(etag);

        Response stale = api.patch(location, staffToken, etag, "{\"name\": \"Lost update\"}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("changed_by_name").asString()).isEqualTo("manager");
        assertThat(stale.json().get("detail").asString()).contains("manager");
        assertThat(api.get(location, staffToken).json().get("name").asString()).isEqualTo("Typed");

        Response history = api.get(location + "/history", staffToken);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).contains("\"stage\"").contains("won");
    }

    @Test
    void deleteNeedsIfMatchAndOnlyAdminsRestore() throws Exception {
        Response created = create(staffToken, "{\"name\": \"To delete\"}");
        String location = created.header("Location");
        HttpRequest.Builder noTag = api.request(location, staffToken).DELETE();
        assertThat(api.send(noTag).status()).isEqualTo(428);
        Response deleted = api.send(api.request(location, staffToken).header("If-Match", created.header("ETag"))
                .DELETE());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get(location, staffToken).status()).isEqualTo(404);

        long id = created.json().get("id").asLong();
        JsonNode deletedRow = api.get(RECORDS + "?include_deleted=true&id=" + id, adminToken).json().get("items")
                .get(0);
        String version = "\"" + deletedRow.get("row_version").asInt() + "\"";
        assertThat(api.send(api.request(location + "/restore", staffToken).header("If-Match", version)
                .POST(HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(403);
        Response restored = api.send(api.request(location + "/restore", adminToken).header("If-Match", version)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(api.get(location, staffToken).status()).isEqualTo(200);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstResult() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Idempotent " + key + "\"}";
        Response first = api.send(api.request(RECORDS, staffToken).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
        Response retry = api.send(api.request(RECORDS, staffToken).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get(RECORDS + "?name=" + java.net.URLEncoder.encode("Idempotent " + key,
                java.nio.charset.StandardCharsets.UTF_8), staffToken).json().get("items").size()).isEqualTo(1);

        Response other = api.send(api.request(RECORDS, staffToken).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"other\"}")));
        assertThat(other.status()).isEqualTo(422);
    }

    @Test
    void idempotencyKeysAreForgottenAfterTheirRetention() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\": \"Retained " + key + "\"}";
        Response first = api.send(api.request(RECORDS, staffToken).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(first.status()).isEqualTo(201);
        assertThat(cleanup.removeExpired(Instant.now())).as("a fresh key is kept").isZero();
        assertThat(cleanup.removeExpired(Instant.now().plus(Duration.ofHours(25)))).isPositive();
        Response later = api.send(api.request(RECORDS, staffToken).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(later.json().get("id").asLong()).isNotEqualTo(first.json().get("id").asLong());
    }

    @Test
    void aGetWithTheCurrentEtagInIfNoneMatchIs304WithoutBody() throws Exception {
        Response created = create(staffToken, "{\"name\": \"Polled\"}");
        String location = created.header("Location");
        String etag = created.header("ETag");
        Response same = api.send(api.request(location, staffToken).header("If-None-Match", etag).GET());
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        Response changed = api.patch(location, staffToken, etag, "{\"stage\": \"won\"}");
        assertThat(changed.status()).isEqualTo(200);
        Response newer = api.send(api.request(location, staffToken).header("If-None-Match", etag).GET());
        assertThat(newer.status()).isEqualTo(200);
        assertThat(newer.json().get("stage").asString()).isEqualTo("won");
        assertThat(api.send(api.request(RECORDS + "/" + Long.MAX_VALUE, staffToken).header("If-None-Match", "*")
                .GET()).status()).isEqualTo(404);
    }

    @Test
    void aRecentlyUsedTokenStillStopsAtItsExpiry() throws Exception {
        String shortLived = token(staff, ApiScopes.ALL, OffsetDateTime.now().plusSeconds(2));
        assertThat(api.get("/api/forms", shortLived).status()).isEqualTo(200);
        Thread.sleep(2_500);
        assertThat(api.get("/api/forms", shortLived).status()).as("expired while remembered").isEqualTo(401);
    }

    @Test
    void malformedJsonOversizedBodiesAndWrongTypesAreProblems() throws Exception {
        Response malformed = api.post(RECORDS, staffToken, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(malformed.json().get("title").asString()).isEqualTo("Malformed JSON");
        assertThat(api.post(RECORDS, staffToken, "[1, 2]").status()).isEqualTo(400);
        assertThat(api.post(RECORDS, staffToken, "{\"name\": \"a\", \"name\": \"b\"}").status())
                .as("duplicate members").isEqualTo(400);

        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        Response tooLarge = api.post(RECORDS, staffToken, huge);
        assertThat(tooLarge.status()).isEqualTo(413);

        Response text = api.send(api.request(RECORDS, staffToken).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void unknownSystemAndInvalidFieldsAreRefusedByNameAtTheirPointer() throws Exception {
        Response unknown = api.post(RECORDS, staffToken, "{\"name\": \"x\", \"nope\": 1, \"id\": 5, "
                + "\"row_version\": 9}");
        assertThat(unknown.status()).isEqualTo(422);
        List<String> pointers = new ArrayList<>();
        unknown.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asString() + " "
                + e.get("code").asString()));
        assertThat(pointers).containsExactlyInAnyOrder("/nope unknown_field", "/id system_field",
                "/row_version system_field");

        Response invalid = api.send(api.request(RECORDS, staffToken).header("Content-Type", "application/json")
                .setHeader("Accept-Language", "zh-CN").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"phone\": \"not a phone\"}")));
        assertThat(invalid.status()).isEqualTo(422);
        Set<String> invalidPointers = new HashSet<>();
        invalid.json().get("errors").forEach(e -> invalidPointers.add(e.get("pointer").asString()));
        assertThat(invalidPointers).contains("/phone", "/name");
        assertThat(invalid.json().get("title").asString()).isEqualTo("数据未通过校验");
    }

    @Test
    void filterNamesAndValuesCannotInjectSql() throws Exception {
        create(staffToken, "{\"name\": \"Safe row\"}");
        for (String attack : List.of("name'--", "name%22%20or%201=1--", "name;drop%20table%20frm_api_deal",
                "name%5Bcontains%5D%5Bx%5D", "1%3D1")) {
            Response r = api.get(RECORDS + "?" + attack + "=x", staffToken);
            assertThat(r.status()).as(attack + ": " + r).isEqualTo(400);
        }
        Response value = api.get(RECORDS + "?name%5Bcontains%5D=" + java.net.URLEncoder.encode(
                "' OR '1'='1", java.nio.charset.StandardCharsets.UTF_8), staffToken);
        assertThat(value.status()).isEqualTo(200);
        assertThat(value.json().get("items").size()).isZero();
        assertThat(api.get(RECORDS + "?sort=name;drop%20table%20x", staffToken).status()).isEqualTo(400);
        assertThat(api.get(RECORDS + "?stage%5Bexec%5D=x", staffToken).status()).isEqualTo(400);
        assertThat(api.get(RECORDS + "?name=Safe%20row", staffToken).json().get("items").size()).isPositive();
    }

    @Test
    void keysetPagesFollowTheCursorWithoutGapsOrRepeats() throws Exception {
        String prefix = "Page-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 5; i++) {
            create(managerToken, "{\"name\": \"" + prefix + i + "\", \"signed_on\": \"2026-01-0" + (i + 1)
                    + "\", \"owner\": " + manager.id() + "}");
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = RECORDS + "?name%5Bstarts_with%5D=" + prefix + "&sort=-signed_on,name&limit=2&fields=name"
                    + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = api.get(path, managerToken).json();
            page.get("items").forEach(item -> {
                names.add(item.get("name").asString());
                assertThat(item.has("signed_on")).as("fields= selects").isFalse();
            });
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(names).containsExactly(prefix + 4, prefix + 3, prefix + 2, prefix + 1, prefix + 0);
        assertThat(pages).isEqualTo(3);
        assertThat(api.get(RECORDS + "?cursor=garbage", managerToken).status()).isEqualTo(400);
    }

    @Test
    void subtableRowsAreAddedAndListedThroughTheirParent() throws Exception {
        Response parent = create(staffToken, "{\"name\": \"With lines\"}");
        String rows = parent.header("Location") + "/rows/lines";
        Response row = api.post(rows, staffToken, "{\"item\": \"净水器\", \"qty\": 2}");
        assertThat(row.status()).as(row.toString()).isEqualTo(201);
        assertThat(row.json().get("parent_id").asLong()).isEqualTo(parent.json().get("id").asLong());
        assertThat(row.header("Location")).startsWith("/api/forms/api_deal_line/records/");
        Response invalid = api.post(rows, staffToken, "{\"qty\": 0}");
        assertThat(invalid.status()).isEqualTo(422);
        JsonNode listed = api.get(rows, staffToken).json().get("items");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("item").asString()).isEqualTo("净水器");

        long other = create(adminToken, "{\"name\": \"Not staff's\", \"owner\": " + manager.id() + "}").json()
                .get("id").asLong();
        assertThat(api.get(RECORDS + "/" + other + "/rows/lines", staffToken).status()).isEqualTo(404);
        assertThat(api.post(RECORDS + "/" + other + "/rows/lines", staffToken, "{\"item\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(api.get(parent.header("Location") + "/rows/name", staffToken).status()).isEqualTo(404);
    }

    @Test
    void unknownFormsAndAddressesAre404() throws Exception {
        assertThat(api.get("/api/forms/no_such_form/records", staffToken).status()).isEqualTo(404);
        assertThat(api.get("/api/no/such/thing", staffToken).status()).isEqualTo(404);
        assertThat(api.get(RECORDS + "/999999999", staffToken).status()).isEqualTo(404);
    }

    @Test
    void aSessionCookieDoesNotAuthenticateTheApiAndATokenOpensNoScreen() throws Exception {
        HttpBrowser browser = new HttpBrowser(port, "en");
        browser.signIn("admin", TestAccounts.ADMIN_PASSWORD);
        assertThat(browser.get("/").statusCode()).as("the session works for screens").isEqualTo(200);
        var viaCookie = browser.get("/api/forms");
        assertThat(viaCookie.statusCode()).isEqualTo(401);
        assertThat(viaCookie.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");

        Response screen = api.get("/", adminToken);
        assertThat(screen.status()).as("a token is no sign-in for Vaadin").isEqualTo(302);
        assertThat(screen.header("Location")).contains("/login");
        assertThat(api.get("/api/forms", null).status()).isEqualTo(401);
        assertThat(api.get("/api/forms", adminToken).header("Set-Cookie")).as("stateless").isNull();
    }

    @Test
    void revokedExpiredAndUnknownTokensAre401() throws Exception {
        String revoked = token(staff, ApiScopes.ALL, null);
        assertThat(api.get("/api/forms", revoked).status()).isEqualTo(200);
        long id = tokens.list(Actor.of(staff), staff.id()).stream().filter(t -> revoked.startsWith(t.hint()))
                .findFirst().orElseThrow().id();
        tokens.revoke(Actor.of(staff), id);
        assertThat(api.get("/api/forms", revoked).status()).isEqualTo(401);
        String expired = token(staff, ApiScopes.ALL, OffsetDateTime.now().minusMinutes(1));
        assertThat(api.get("/api/forms", expired).status()).isEqualTo(401);
        assertThat(api.get("/api/forms", "kehu_" + "A".repeat(43)).status()).isEqualTo(401);
    }

    @Test
    void aReadOnlyTokenCannotWrite() throws Exception {
        String readOnly = token(staff, ApiScopes.READ_ALL, null);
        assertThat(api.get(RECORDS, readOnly).status()).isEqualTo(200);
        Response write = api.post(RECORDS, readOnly, "{\"name\": \"nope\"}");
        assertThat(write.status()).isEqualTo(403);
    }

    @Test
    void tooManyRequestsAre429WithRetryAfter() throws Exception {
        String busy = token(staff, ApiScopes.READ_ALL, null);
        Response last = null;
        for (int i = 0; i < 400 && (last == null || last.status() != 429); i++) {
            last = api.get("/api/forms", busy);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
        assertThat(api.get("/api/forms", staffToken).status()).as("other tokens are not limited").isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentParsesAndFollowsPublishedFieldsWithoutARestart() throws Exception {
        Response doc = api.get("/api/openapi.json", adminToken);
        assertThat(doc.status()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys(RECORDS, RECORDS + "/{id}",
                RECORDS + "/{id}/rows/lines");
        assertThat(parsed.getOpenAPI().getComponents().getSchemas().get(FORM).getProperties())
                .containsKeys("name", "amount", "margin").doesNotContainKey("region");

        publisher.publish(read(definition(true)), "test", "region");
        Response after = api.get("/api/openapi.json", adminToken);
        assertThat(new OpenAPIV3Parser().readContents(after.body()).getOpenAPI().getComponents().getSchemas()
                .get(FORM).getProperties()).containsKey("region");
        Response created = create(adminToken, "{\"name\": \"With region\", \"region\": \"华东\"}");
        assertThat(created.json().get("region").asString()).isEqualTo("华东");

        Response docsPage = api.get("/api/docs", null);
        assertThat(docsPage.status()).isEqualTo(200);
        assertThat(docsPage.body()).contains("swagger-ui-bundle.js");
        assertThat(api.get("/api/docs/swagger-ui/swagger-ui-bundle.js", null).status()).isEqualTo(200);
    }
}
