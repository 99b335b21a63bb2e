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
    @Autowired
    io.kehu.platform.workflow.WorkflowVersions workflowVersions;

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

    /**
     * Approval by several people over the API: an all-of (会签) round of three approvers held by fields on a form of
     * its own; {@code GET …/workflow} says how many approvals are needed and missing, who approved when and who is
     * still pending, after each approval taken through the API; {@code GET …/workflow/approvals} lists every approval
     * given, newest first, with comments; the OpenAPI document describes both.
     */
    @Test
    void approvalRoundsShowWhoApprovedAndWhoIsStillNeeded() throws Exception {
        int n = SEQUENCE.incrementAndGet();
        String form = "api_appr_" + n;
        String flow = "api_appr_flow_" + n;
        publisher.publish(new DefinitionReader().read(form + ".json", """
                {"id": "%s", "label": {"zh": "采购申请", "en": "Purchase request"}, "titleField": "title",
                 "fields": [
                  {"id": "title", "type": "text", "label": {"zh": "标题", "en": "Title"}},
                  {"id": "status", "type": "select", "label": {"zh": "状态", "en": "Status"}, "default": "new",
                   "options": [{"value": "new", "label": {"zh": "新建", "en": "New"}},
                               {"value": "waiting", "label": {"zh": "待审批", "en": "Awaiting approval"}},
                               {"value": "approved", "label": {"zh": "已批准", "en": "Approved"}}]},
                  {"id": "r1", "type": "user", "label": {"zh": "审批人一", "en": "Approver 1"}},
                  {"id": "r2", "type": "user", "label": {"zh": "审批人二", "en": "Approver 2"}},
                  {"id": "r3", "type": "user", "label": {"zh": "审批人三", "en": "Approver 3"}}
                 ]}""".formatted(form)), "test", "api approval form");
        Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
        workflowVersions.publish(admin, """
                {"id": "%s", "label": {"zh": "采购审批", "en": "Purchase approval"}, "form": "%s",
                 "statusField": "status",
                 "states": [
                   {"id": "new", "label": {"zh": "新建", "en": "New"}, "color": "blue", "initial": true},
                   {"id": "waiting", "label": {"zh": "待审批", "en": "Awaiting approval"}, "color": "orange"},
                   {"id": "approved", "label": {"zh": "已批准", "en": "Approved"}, "color": "green", "final": true}],
                 "transitions": [
                   {"id": "submit", "from": ["new"], "to": "waiting", "label": {"zh": "提交审批", "en": "Submit"}},
                   {"id": "approve", "from": ["waiting"], "to": "approved", "label": {"zh": "批准", "en": "Approve"},
                    "comment": "optional",
                    "approval": {"mode": "all",
                      "approvers": [{"userFields": ["r1"], "notCreator": true}, {"userFields": ["r2"], "notCreator": true},
                                    {"userFields": ["r3"], "notCreator": true}],
                      "kind": "api_co_sign_%d", "title": {"zh": "审批采购申请", "en": "Approve the request"}}}]}
                """.formatted(flow, form, n), java.util.Map.of(), "test");
        List<UserAccount> approvers = new ArrayList<>();
        List<String> approverTokens = new ArrayList<>();
        for (String name : List.of("张三", "李四", "王五")) {
            String username = "apiappr" + SEQUENCE.incrementAndGet();
            accounts.create(username, name + n, "pw-" + username + "-Long1",
                    Set.of(io.kehu.platform.security.Role.MANAGER));
            UserAccount account = accounts.findByUsername(username).orElseThrow();
            approvers.add(account);
            approverTokens.add(token(account, ApiScopes.ALL));
        }
        Response created = api.post("/api/forms/" + form + "/records", staffToken, """
                {"title": "采购冰柜 %d", "r1": %d, "r2": %d, "r3": %d}""".formatted(n, approvers.get(0).id(),
                approvers.get(1).id(), approvers.get(2).id()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String request = created.header("Location");
        Response submitted = transition(staffToken, request, "submit", created.header("ETag"), "{}", "zh-CN");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);

        Response open = api.get(request + "/workflow", approverTokens.get(0));
        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        assertThat(ids(open.json().get("transitions"), "id")).containsExactly("approve");
        JsonNode round = open.json().get("approvals").get(0);
        assertThat(open.json().get("approvals").size()).isEqualTo(1);
        assertThat(round.get("transition").asString()).isEqualTo("approve");
        assertThat(round.get("label").get("zh").asString()).isEqualTo("批准");
        assertThat(round.get("mode").asString()).isEqualTo("all");
        assertThat(round.get("needed").asInt()).isEqualTo(3);
        assertThat(round.get("missing").asInt()).isEqualTo(3);
        assertThat(round.get("approved").size()).isZero();
        assertThat(ids(round.get("pending"), "user_id")).containsExactlyInAnyOrder(
                String.valueOf(approvers.get(0).id()), String.valueOf(approvers.get(1).id()),
                String.valueOf(approvers.get(2).id()));
        assertThat(ids(round.get("pending"), "name")).contains("李四" + n);
        // The starter sees the same round, without an approval button of their own.
        Response asStarter = api.get(request + "/workflow", staffToken);
        assertThat(ids(asStarter.json().get("transitions"), "id")).doesNotContain("approve");
        assertThat(asStarter.json().get("approvals").get(0).get("missing").asInt()).isEqualTo(3);

        Response first = transition(approverTokens.get(0), request, "approve", open.header("ETag"),
                "{\"comment\": \"同意采购\"}", "zh-CN");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).as("one of three moves nothing").isEqualTo("waiting");
        Response afterFirst = api.get(request + "/workflow", approverTokens.get(1));
        round = afterFirst.json().get("approvals").get(0);
        assertThat(round.get("missing").asInt()).isEqualTo(2);
        assertThat(ids(round.get("approved"), "user_id")).containsExactly(String.valueOf(approvers.get(0).id()));
        assertThat(round.get("approved").get(0).get("name").asString()).isEqualTo("张三" + n);
        assertThat(Instant.parse(round.get("approved").get(0).get("approved_at").asString()))
                .isAfter(Instant.now().minusSeconds(120));
        assertThat(ids(round.get("pending"), "user_id")).containsExactlyInAnyOrder(
                String.valueOf(approvers.get(1).id()), String.valueOf(approvers.get(2).id()));
        Response twice = transition(approverTokens.get(0), request, "approve", afterFirst.header("ETag"), "{}", "zh-CN");
        assertThat(twice.status()).as(twice.toString()).isIn(403, 409);
        assertThat(twice.json().get("detail").asString()).contains("还需 2 人审批");

        Response second = transition(approverTokens.get(1), request, "approve", afterFirst.header("ETag"), "{}", "en");
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        Response third = transition(approverTokens.get(2), request, "approve", second.header("ETag"),
                "{\"comment\": \"最后一人\"}", "en");
        assertThat(third.status()).as(third.toString()).isEqualTo(200);
        assertThat(third.json().get("status").asString()).isEqualTo("approved");
        Response decided = api.get(request + "/workflow", staffToken);
        assertThat(decided.json().get("state").get("id").asString()).isEqualTo("approved");
        assertThat(decided.json().get("approvals").size()).as("no round leaves a final state").isZero();

        Response given = api.get(request + "/workflow/approvals", staffToken);
        assertThat(given.status()).as(given.toString()).isEqualTo(200);
        JsonNode items = given.json().get("items");
        assertThat(ids(items, "approved_by")).containsExactly(String.valueOf(approvers.get(2).id()),
                String.valueOf(approvers.get(1).id()), String.valueOf(approvers.get(0).id()));
        assertThat(items.get(0).get("comment").asString()).isEqualTo("最后一人");
        assertThat(items.get(2).get("comment").asString()).isEqualTo("同意采购");
        assertThat(items.get(2).get("label").get("en").asString()).isEqualTo("Approve");
        assertThat(items.get(2).get("state").get("id").asString()).isEqualTo("waiting");
        String readCustomersOnly = token(staff, new ApiScopes(Set.of("read:customer")));
        assertThat(api.get(request + "/workflow/approvals", readCustomersOnly).status()).isEqualTo(404);

        Response raw = api.get("/api/openapi.json", staffToken);
        assertThat(new io.swagger.v3.parser.OpenAPIV3Parser().readContents(raw.body()).getMessages()).isEmpty();
        JsonNode document = raw.json();
        assertThat(document.get("paths").has("/api/forms/" + form + "/records/{id}/workflow/approvals")).isTrue();
        JsonNode schemas = document.get("components").get("schemas");
        assertThat(schemas.get("WorkflowState").get("properties").get("approvals").get("items").get("$ref")
                .asString()).endsWith("/ApprovalRound");
        assertThat(schemas.get("ApprovalRound").get("properties").has("pending")).isTrue();
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
