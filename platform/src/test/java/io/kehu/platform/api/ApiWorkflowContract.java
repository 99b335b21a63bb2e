package io.kehu.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.api.ApiClient.Response;
import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormPublisher;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.WorkflowTask;
import io.kehu.platform.workflow.Workflows;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Workflow transitions and tasks over real HTTP, on the shipped {@code complaint_handling} workflow: the buttons a
 * token's user has, a transition with its comment, refusals with the workflow's own reason in zh and en (the
 * handler may not do the revisit), stale If-Match, the workflow history, and the user's tasks in keyset pages.
 * Each database runs it through a subclass.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiWorkflowContract {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    FormPublisher publisher;
    @Autowired
    FormCatalog forms;
    @Autowired
    Workflows workflows;

    ApiClient api;
    UserAccount manager;
    UserAccount staff;
    String managerToken;
    String staffToken;

    @BeforeAll
    void shippedFormsAndTokens() {
        if (forms.published("feedback").isEmpty()) {
            publisher.publishAll(new DefinitionReader().readFolder(Path.of("../form-definitions")), "test",
                    "api workflow tests");
        }
        api = new ApiClient(port);
        manager = accounts.findByUsername("manager").orElseThrow();
        staff = accounts.findByUsername("staff").orElseThrow();
        managerToken = token(manager, ApiScopes.ALL);
        staffToken = token(staff, ApiScopes.ALL);
    }

    String token(UserAccount account, ApiScopes scopes) {
        return tokens.create(Actor.of(account), account.id(), "test " + UUID.randomUUID(), scopes, null).secret();
    }

    Response transition(String token, String path, String name, String ifMatch, String body, String language)
            throws Exception {
        HttpRequest.Builder b = api.request(path + "/workflow/transitions/" + name, token)
                .setHeader("Accept-Language", language).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return api.send(b);
    }

    /** A complaint logged by staff through the API, about a customer they made there. */
    String complaint() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        Response customer = api.post("/api/forms/customer/records", staffToken, """
                {"name": "华润食品%d", "customer_type": "company", "phone": "138%08d", "account_manager": %d}"""
                .formatted(n, n % 100_000_000, staff.id()));
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
        Response logged = api.post("/api/forms/feedback/records", staffToken, """
                {"customer": %d, "feedback_type": "complaint", "severity": "high",
                 "description": "冰柜运行噪音大 %d", "received_at": "2026-12-01T02:00:00Z"}"""
                .formatted(customer.json().get("id").asLong(), n));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        return logged.header("Location");
    }

    static List<String> ids(JsonNode array, String member) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(member).asString()));
        return ids;
    }

    @Test
    void complaintIsTakenResolvedAndRevisitedBySomeoneOtherThanTheHandler() throws Exception {
        String complaint = complaint();
        Response state = api.get(complaint + "/workflow", staffToken);
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        assertThat(state.json().get("workflow").get("id").asString()).isEqualTo("complaint_handling");
        assertThat(state.json().get("state").get("id").asString()).isEqualTo("new");
        assertThat(state.json().get("state").get("label").get("zh").asString()).isEqualTo("新建");
        assertThat(ids(state.json().get("transitions"), "id")).containsExactly("take");
        String created = state.header("ETag");

        Response taken = transition(staffToken, complaint, "take", created, "{}", "en");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("status").asString()).isEqualTo("in_progress");
        assertThat(taken.json().get("handler").asLong()).isEqualTo(staff.id());
        String afterTake = taken.header("ETag");

        Response stale = transition(staffToken, complaint, "resolve", created, "{\"comment\": \"已处理\"}", "en");
        assertThat(stale.status()).as("a stale If-Match moves nothing").isEqualTo(412);
        assertThat(stale.json().get("current_version").asInt())
                .isEqualTo(taken.json().get("row_version").asInt());
        assertThat(transition(staffToken, complaint, "resolve", null, "{\"comment\": \"x\"}", "en").status())
                .isEqualTo(428);

        Response noComment = transition(staffToken, complaint, "resolve", afterTake, "{}", "zh-CN");
        assertThat(noComment.status()).as(noComment.toString()).isEqualTo(422);
        assertThat(noComment.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noComment.json().get("reason").asString()).isEqualTo("comment_required");
        assertThat(noComment.json().get("title").asString()).isEqualTo("不能执行此流程操作");
        assertThat(noComment.json().get("detail").asString()).isEqualTo("执行“处理完成”需要填写说明");
        assertThat(noComment.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/comment");

        Response resolved = transition(staffToken, complaint, "resolve", afterTake,
                "{\"comment\": \"已上门更换压缩机\"}", "en");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().get("status").asString()).isEqualTo("resolved");

        // The handler has no revisit action, and taking it anyway is refused with why, in each language.
        assertThat(api.get(complaint + "/workflow", staffToken).json().get("transitions").size()).isZero();
        Response byHandler = transition(staffToken, complaint, "revisit_ok", resolved.header("ETag"),
                "{\"comment\": \"客户满意\"}", "zh-CN");
        assertThat(byHandler.status()).as(byHandler.toString()).isEqualTo(403);
        assertThat(byHandler.json().get("reason").asString()).isEqualTo("not_allowed");
        assertThat(byHandler.json().get("decision").asString()).isEqualTo("excluded_by_field");
        assertThat(byHandler.json().get("field").asString()).isEqualTo("handler");
        assertThat(byHandler.json().get("detail").asString())
                .isEqualTo("您是本记录的“处理人”，不能执行“回访满意，关闭”，需由其他人员执行");
        Response inEnglish = transition(staffToken, complaint, "revisit_ok", resolved.header("ETag"),
                "{\"comment\": \"ok\"}", "en");
        assertThat(inEnglish.json().get("detail").asString()).contains("Handler").contains("someone else");

        // The revisit task went to someone other than the handler: the manager.
        JsonNode managerView = api.get(complaint + "/workflow", managerToken).json();
        assertThat(ids(managerView.get("transitions"), "id")).containsExactly("revisit_ok", "revisit_reopen");
        JsonNode revisit = managerView.get("open_tasks").get(0);
        assertThat(revisit.get("kind").asString()).isEqualTo("revisit");
        assertThat(revisit.get("assignee_id").asLong()).isEqualTo(manager.id());
        long taskId = revisit.get("id").asLong();
        assertThat(collect(managerToken, "revisit", 200)).contains(taskId);
        assertThat(api.get("/api/tasks/" + taskId, staffToken).status()).as("not staff's task").isEqualTo(404);
        Response markOnly = api.post("/api/tasks/" + taskId + "/complete", managerToken, "");
        assertThat(markOnly.status()).as(markOnly.toString()).isEqualTo(409);
        assertThat(markOnly.json().get("workflow").asString()).isEqualTo(complaint.substring(complaint.indexOf("/api"))
                + "/workflow");

        Response closed = transition(managerToken, complaint, "revisit_ok", resolved.header("ETag"),
                "{\"comment\": \"客户确认问题已解决\"}", "en");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(api.get("/api/tasks/" + taskId, managerToken).json().get("status").asString()).isEqualTo("done");
        assertThat(collect(managerToken, "revisit", 200)).doesNotContain(taskId);

        Response again = transition(managerToken, complaint, "take", closed.header("ETag"), "{}", "en");
        assertThat(again.status()).as("a closed complaint cannot be taken").isEqualTo(409);
        assertThat(again.json().get("reason").asString()).isEqualTo("wrong_state");

        JsonNode history = api.get(complaint + "/workflow/history", staffToken).json().get("items");
        assertThat(ids(history, "transition")).containsExactly("revisit_ok", "resolve", "take");
        assertThat(history.get(0).get("comment").asString()).isEqualTo("客户确认问题已解决");
        assertThat(history.get(0).get("acted_by").asLong()).isEqualTo(manager.id());
        assertThat(history.get(1).get("to").get("label").get("en").asString()).isEqualTo("Resolved, revisit due");
    }

    @Test
    void unknownTransitionsFormsWithoutWorkflowAndUnknownMembersAreRefused() throws Exception {
        String complaint = complaint();
        String etag = api.get(complaint, staffToken).header("ETag");
        Response unknown = transition(staffToken, complaint, "teleport", etag, "{}", "en");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("reason").asString()).isEqualTo("unknown_transition");
        Response extra = transition(staffToken, complaint, "take", etag, "{\"status\": \"closed\"}", "en");
        assertThat(extra.status()).isEqualTo(422);
        assertThat(extra.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/status");
        Response badValue = transition(staffToken, complaint, "take", etag, "{\"values\": {\"nope\": 1}}", "en");
        assertThat(badValue.status()).isEqualTo(422);
        assertThat(badValue.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/values/nope");
        assertThat(api.get(complaint, staffToken).json().get("status").asString()).isEqualTo("new");

        Response customer = api.get("/api/forms/customer/records?limit=1", staffToken);
        long customerId = customer.json().get("items").get(0).get("id").asLong();
        Response noWorkflow = api.get("/api/forms/customer/records/" + customerId + "/workflow", staffToken);
        assertThat(noWorkflow.status()).isEqualTo(404);
        assertThat(noWorkflow.json().get("type").asString()).endsWith("/no-workflow");

        // A token scoped to customers only sees neither the complaint's workflow nor may it move it.
        String customersOnly = token(staff, new ApiScopes(Set.of("write:customer")));
        assertThat(api.get(complaint + "/workflow", customersOnly).status()).isEqualTo(404);
        assertThat(transition(customersOnly, complaint, "take", etag, "{}", "en").status()).isEqualTo(404);
        String readOnly = token(staff, ApiScopes.READ_ALL);
        assertThat(transition(readOnly, complaint, "take", etag, "{}", "en").status()).isEqualTo(403);

        Response raw = api.get("/api/openapi.json", staffToken);
        assertThat(new io.swagger.v3.parser.OpenAPIV3Parser().readContents(raw.body()).getMessages())
                .as("the reference parser accepts the workflow and task paths").isEmpty();
        JsonNode document = raw.json();
        assertThat(document.get("paths").has("/api/forms/feedback/records/{id}/workflow/transitions/{transition}"))
                .isTrue();
        assertThat(document.get("paths").has("/api/tasks")).isTrue();
        assertThat(document.get("paths").has("/api/forms/customer/records/{id}/workflow")).isFalse();
    }

    @Test
    void tasksArePagedByKeysetInDueOrderAndPluginTasksAreMarkedDone() throws Exception {
        String complaint = complaint();
        long recordId = api.get(complaint, staffToken).json().get("id").asLong();
        String kind = "api_test_" + SEQUENCE.incrementAndGet();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Actor asStaff = Actor.of(staff);
        List<Long> made = new ArrayList<>();
        // Two with the same due time (ordered by id), undated ones last.
        for (Instant due : new Instant[] {now.plusSeconds(7200), null, now.plusSeconds(3600), now.plusSeconds(3600),
                null, now.minusSeconds(60)}) {
            made.add(workflows.createTask(asStaff, "plugin:apitest", "feedback", recordId, kind,
                    LocalizedText.of("测试待办", "Test task"), staff.id(), due));
        }
        List<Long> expected = workflows.openTasks(asStaff, false, kind, 0, 500).stream().map(WorkflowTask::id)
                .toList();
        assertThat(expected).containsExactlyInAnyOrderElementsOf(made);
        assertThat(collect(staffToken, kind, 2)).containsExactlyElementsOf(expected);
        assertThat(expected.get(0)).as("overdue first").isEqualTo(made.get(5));

        JsonNode first = api.get("/api/tasks?kind=" + kind + "&limit=2", staffToken).json();
        assertThat(first.get("items").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(first.get("items").get(0).get("title").get("zh").asString()).isEqualTo("测试待办");
        assertThat(api.get("/api/tasks?cursor=nonsense!", staffToken).status()).isEqualTo(400);
        assertThat(api.get("/api/tasks?limit=0", staffToken).status()).isEqualTo(400);

        long done = made.get(1);
        Response byOther = api.post("/api/tasks/" + done + "/complete", managerToken, "");
        assertThat(byOther.status()).as("a manager sees it but is not its assignee").isEqualTo(403);
        Response completed = api.post("/api/tasks/" + done + "/complete", staffToken, "");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().get("status").asString()).isEqualTo("done");
        Response twice = api.post("/api/tasks/" + done + "/complete", staffToken, "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).endsWith("/task-not-open");
        assertThat(collect(staffToken, kind, 2)).doesNotContain(done).hasSize(made.size() - 1);
        assertThat(api.post("/api/tasks/" + made.get(0) + "/complete", token(staff, ApiScopes.READ_ALL), "")
                .status()).as("marking is a write").isEqualTo(403);
    }

    /** Every open task of {@code kind} of the token's user, following next_cursor page by page. */
    List<Long> collect(String token, String kind, int limit) throws Exception {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 100; pages++) {
            Response page = api.get("/api/tasks?kind=" + kind + "&limit=" + limit
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(t -> ids.add(t.get("id").asLong()));
            JsonNode next = page.json().get("next_cursor");
            if (next.isNull()) {
                return ids;
            }
            cursor = next.asString();
        }
        throw new AssertionError("more than 100 pages");
    }
}
