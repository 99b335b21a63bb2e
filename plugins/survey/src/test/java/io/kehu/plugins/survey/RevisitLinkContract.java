package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.workflows.PluginWorkflows;
import io.kehu.sdk.workflows.TaskInfo;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The event-attached survey of the shipped complaint process, end to end through the real workflow engine: staff
 * take and resolve a complaint → the {@code send_link} action of {@code complaint_handling} makes a personal link
 * tied to the complaint and hands it, in a notice, to whoever got the revisit task (not the handler) → the customer
 * answers through it with a low score → the response is linked to the complaint and its handler, and the follow-up
 * task goes to someone other than the handler. With the plugin disabled the complaint still resolves, without a link.
 * On H2 ({@link RevisitLinkH2Test}) and PostgreSQL ({@link SurveyPostgresTest}).
 */
abstract class RevisitLinkContract {

    private static final Pattern LINK = Pattern.compile("/public/survey/answer\\?t=([A-Za-z0-9_-]{43})");

    abstract KehuTestHost kehu();

    @Test
    void aResolvedComplaintsRevisitGetsALinkAndALowAnswerIsFollowedUpBySomeoneElse() {
        KehuTestHost kehu = kehu();
        new SurveyCatalog(kehu.context()).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
        // links staff got before (other tests on this Kehu, e.g. the tier review for their customers) do not count
        List<String> staffHadBefore = tokens(kehu.notices("staff"));
        long complaint = resolvedComplaint(kehu, "回访链接客户");

        List<RecordData> invitations = invitationsAbout(kehu, complaint);
        assertThat(invitations).singleElement().satisfies(i -> {
            assertThat(i.get("handler")).isEqualTo("staff");
            assertThat(i.get("survey")).isEqualTo(StandardSurvey.KEY);
            assertThat(i.get("used_at")).isNull();
        });
        TaskInfo revisit = kehu.callAsUser("admin", () -> kehu.context().workflows().openTasks("feedback", complaint))
                .stream().filter(t -> t.kind().equals("revisit")).findFirst().orElseThrow();
        assertThat(revisit.assignee()).isNotEqualTo("staff");
        // the link went to the revisit's holder, and only to them
        String token = token(kehu.notices(revisit.assignee())).orElseThrow();
        assertThat(tokens(kehu.notices("staff"))).isSubsetOf(staffHadBefore);
        assertThat(kehu.notices(revisit.assignee()).getFirst().zh()).startsWith("请把问卷“客户满意度调查”的专属链接发给客户")
                .contains("14 天内有效");
        assertThat(invitations.getFirst().get("token_hash")).isEqualTo(Invitations.hash(token));

        SurveyService.Result answered = new Invitations(kehu.context()).answer(token, Map.of("quality", 4,
                "service", 2, "speed", 1, "price", 3, "overall", 2, "recommend", 3));
        assertThat(answered.stored()).isTrue();
        RecordData response = answered.response();
        assertThat(response.get("context_form")).isEqualTo("feedback");
        assertThat(((Number) response.get("context_id")).longValue()).isEqualTo(complaint);
        assertThat(response.get("handler")).isEqualTo("staff");
        assertThat(response.get("channel")).isEqualTo("link");
        assertThat(response.get("low_score")).isEqualTo(true);
        List<TaskInfo> followUps = kehu.callAsUser("admin",
                () -> kehu.context().workflows().openTasks(SurveyForms.RESPONSE, response.id()));
        assertThat(followUps).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo(FollowUps.KIND);
            assertThat(t.assignee()).isNotEqualTo("staff");
            assertThat(t.title().zh()).startsWith("满意度低分回访");
        });
        assertThat(answered.followUpTask()).isEqualTo(followUps.getFirst().id());
        // the same link again: no second response
        assertThat(new Invitations(kehu.context()).answer(token, Map.of("quality", 5, "service", 5, "speed", 5,
                "price", 5, "overall", 5, "recommend", 10)).repeated()).isTrue();
    }

    @Test
    void withThePluginDisabledTheComplaintStillResolvesWithoutALink() {
        KehuTestHost kehu = kehu();
        new SurveyCatalog(kehu.context()).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
        // the SDK's workflows as a user would drive them; the context stays usable for that while the plugin is off
        PluginWorkflows workflows = kehu.context().workflows();
        kehu.disablePlugin();
        long complaint;
        try {
            complaint = resolvedComplaint(kehu, workflows, "插件停用时的客户");
        } finally {
            kehu.enablePlugin();
        }
        RecordData resolved = kehu.recordsAs("admin").get("feedback", complaint).orElseThrow();
        assertThat(resolved.get("status")).isEqualTo("resolved");
        assertThat(kehu.callAsUser("admin", () -> kehu.context().workflows().openTasks("feedback", complaint)))
                .extracting(TaskInfo::kind).containsExactly("revisit");
        assertThat(invitationsAbout(kehu, complaint)).isEmpty();
    }

    @Test
    void withoutTheSurveyTheComplaintResolvesAndNoLinkIsMade() {
        KehuTestHost kehu = kehu();
        String saved = kehu.context().settings().get("surveys", null);
        kehu.context().settings().put("surveys", null);
        long complaint;
        try {
            complaint = resolvedComplaint(kehu, "还没有问卷时的客户");
        } finally {
            kehu.context().settings().put("surveys", saved);
        }
        assertThat(kehu.recordsAs("admin").get("feedback", complaint).orElseThrow().get("status"))
                .isEqualTo("resolved");
        assertThat(invitationsAbout(kehu, complaint)).isEmpty();
    }

    private static long resolvedComplaint(KehuTestHost kehu, String customerName) {
        return resolvedComplaint(kehu, kehu.context().workflows(), customerName);
    }

    /** A complaint logged, taken and resolved by {@code staff}, who is then its handler. */
    private static long resolvedComplaint(KehuTestHost kehu, PluginWorkflows workflows, String customerName) {
        long customer = kehu.recordsAs("staff").create("customer", Map.of("name", customerName,
                "email", "c" + System.nanoTime() + "@example.com")).id();
        RecordData logged = kehu.recordsAs("staff").create("feedback", Map.of("customer", customer,
                "feedback_type", "complaint", "description", "冰柜运行噪音大",
                "received_at", OffsetDateTime.now(ZoneOffset.UTC)));
        RecordData taken = kehu.callAsUser("staff", () -> workflows.transition("feedback", logged.id(), "take", null,
                logged.rowVersion()));
        RecordData resolved = kehu.callAsUser("staff", () -> workflows.transition("feedback", taken.id(), "resolve",
                "已更换压缩机", taken.rowVersion()));
        assertThat(resolved.get("status")).isEqualTo("resolved");
        return resolved.id();
    }

    private static List<RecordData> invitationsAbout(KehuTestHost kehu, long complaint) {
        return kehu.recordsAs("admin").search(SurveyForms.INVITATION)
                .where("context_id", FilterOperator.EQUALS, complaint)
                .where("context_form", FilterOperator.EQUALS, "feedback").list();
    }

    private static List<String> tokens(List<LocalText> notices) {
        return notices.stream().map(n -> LINK.matcher(n.zh())).filter(Matcher::find).map(m -> m.group(1)).toList();
    }

    private static java.util.Optional<String> token(List<LocalText> notices) {
        return notices.stream().map(n -> LINK.matcher(n.zh())).filter(Matcher::find).map(m -> m.group(1))
                .findFirst();
    }
}
