package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.scripts.ScriptFunctions;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.workflows.TaskInfo;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The survey plugin in a whole Kehu: versions frozen once answered, responses as records with their scores, figures
 * across versions, idempotent submit, the follow-up task for a low score; on H2 ({@link SurveyStoreH2Test}) and
 * PostgreSQL ({@link SurveyPostgresTest}).
 */
abstract class SurveyStoreContract {

    abstract KehuTestHost kehu();

    static long customer(PluginContext context, String name) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("email", "s" + System.nanoTime() + "@example.com");
        return context.records().create("customer", values).id();
    }

    static Survey survey(PluginContext context, String key) {
        return new SurveyCatalog(context).save(key, LocalText.of("年度满意度调查", "Yearly satisfaction survey"),
                LocalText.of("您好！", "Hello!"), Fixtures.questions(), "admin");
    }

    private static SurveyService.Result answer(KehuTestHost kehu, String survey, long customer,
                                               Map<String, ?> answers) {
        return new SurveyService(kehu.context()).submit(new Submission(survey, customer, "2026 年度回访", null, null,
                "phone", "staff", answers, null), kehu.context().records());
    }

    @Test
    void aFreshInstallGetsTheStandardSurveyOnceAndALaterStartLeavesTheCatalogAlone() {
        KehuTestHost kehu = kehu();
        PluginContext context = kehu.context();
        // the plugin started on this Kehu: it looked at its first start
        assertThat(context.settings().get(SurveyCatalog.SHIPPED)).isPresent();
        String saved = context.settings().get(SurveyCatalog.SETTING, null);
        try {
            // a fresh install: no surveys, never started
            context.settings().put(SurveyCatalog.SETTING, null);
            context.settings().put(SurveyCatalog.SHIPPED, null);
            kehu.disablePlugin();
            kehu.enablePlugin();
            Survey standard = new SurveyCatalog(context).get(StandardSurvey.KEY).orElseThrow();
            assertThat(new SurveyCatalog(context).all()).hasSize(1);
            SurveyVersion v = standard.current();
            assertThat(v.savedBy()).isEqualTo(SurveyCatalog.SYSTEM);
            assertThat(v.title().zh()).isEqualTo("客户满意度调查");
            assertThat(v.title().en()).isEqualTo("Customer satisfaction survey");
            assertThat(v.questions()).filteredOn(q -> q.type() == QuestionType.RATING)
                    .extracting(Question::dimension).containsExactly(Dimension.QUALITY, Dimension.SERVICE,
                            Dimension.SPEED, Dimension.PRICE, Dimension.OVERALL);
            assertThat(v.questions()).filteredOn(q -> q.type() == QuestionType.NPS).singleElement()
                    .satisfies(q -> assertThat(q.title().en()).contains("recommend"));
            // the next start (an admin removed every survey meanwhile): nothing is shipped again
            context.settings().put(SurveyCatalog.SETTING, null);
            kehu.disablePlugin();
            kehu.enablePlugin();
            assertThat(new SurveyCatalog(context).all()).isEmpty();
        } finally {
            context.settings().put(SurveyCatalog.SETTING, saved);
        }
    }

    @Test
    void theNightlyJobBackfillsStoredFiguresAgesThemOutAndIsIdempotent() {
        KehuTestHost kehu = kehu();
        PluginContext context = kehu.context();
        survey(context, "figures_night");
        long early = customer(context, "早期答卷客户");
        long old = customer(context, "一年多没答卷的客户");
        RecordData oldResponse = answer(kehu, "figures_night", old, Map.of("quality", 2, "service", 3,
                "recommend", 3)).response();
        // the early customer answered before the stored figures existed: a response, no row
        RecordData earlyResponse = new SurveyService(context).submit(new Submission("figures_night", null,
                "2026 年度回访", null, null, "phone", "staff", Map.of("quality", 5, "service", 10, "recommend", 9),
                null), context.records()).response();
        context.records().update(SurveyForms.RESPONSE, earlyResponse.id(), earlyResponse.rowVersion(),
                Map.of("customer", early));
        assertThat(figures(context, early)).isEmpty();
        // the other one's only answer is 400 days old, and their row still holds the figures of back then
        java.time.OffsetDateTime longAgo = java.time.OffsetDateTime.now().minusDays(400);
        context.records().update(SurveyForms.RESPONSE, oldResponse.id(), oldResponse.rowVersion(),
                Map.of("answered_at", longAgo));
        RecordData oldRow = figures(context, old).orElseThrow();
        context.records().update(SurveyForms.CUSTOMER_FIGURES, oldRow.id(), oldRow.rowVersion(),
                Map.of("last_answered_at", longAgo, "csat", new BigDecimal("50"), "nps", new BigDecimal("-100"),
                        "responses", 1L));
        assertThat(figures(context, old).orElseThrow().get("nps")).isNotNull();

        assertThat(kehu.runJob(CustomerFiguresJob.ID).note()).contains("backfilled");
        RecordData backfilled = figures(context, early).orElseThrow();
        assertThat(new BigDecimal(backfilled.get("csat").toString())).isEqualByComparingTo("100");
        assertThat(new BigDecimal(backfilled.get("nps").toString())).isEqualByComparingTo("100");
        assertThat(((Number) backfilled.get("responses")).longValue()).isEqualTo(1);
        assertThat(backfilled.get("last_answered_at")).isNotNull();
        RecordData aged = figures(context, old).orElseThrow();
        assertThat(aged.get("csat")).isNull();
        assertThat(aged.get("nps")).isNull();
        assertThat(((Number) aged.get("responses")).longValue()).isZero();
        // the rules read the same: nothing in the last 365 days
        assertThat(new SurveyFunctions.Satisfaction(context).current(old).nps()).isNull();

        // again: nothing changes, nothing is written
        CustomerFigures.Nightly again = new CustomerFigures(context).nightly(java.time.OffsetDateTime.now());
        assertThat(again.backfilled()).isZero();
        assertThat(again.aged()).isZero();
        assertThat(figures(context, early).orElseThrow().rowVersion()).isEqualTo(backfilled.rowVersion());
        assertThat(figures(context, old).orElseThrow().rowVersion()).isEqualTo(aged.rowVersion());
    }

    private static java.util.Optional<RecordData> figures(PluginContext context, long customer) {
        return context.records().search(SurveyForms.CUSTOMER_FIGURES)
                .where("customer", io.kehu.sdk.records.FilterOperator.EQUALS, customer).limit(1).list().stream()
                .findFirst();
    }

    @Test
    void versionsAreFrozenOnceAnsweredAndFiguresSpanThem() {
        KehuTestHost kehu = kehu();
        PluginContext context = kehu.context();
        survey(context, "versions");
        assertThat(survey(context, "versions").versions()).hasSize(1); // not answered yet: replaced
        long c = customer(context, "版本客户");
        answer(kehu, "versions", c, Map.of("quality", 5, "service", 10, "recommend", 10));
        List<Question> reworded = new java.util.ArrayList<>(Fixtures.questions());
        reworded.set(0, Question.rating("quality", Dimension.QUALITY, 10, "产品质量打几分？", "Rate the quality"));
        Survey v2 = new SurveyCatalog(context).save("versions", LocalText.of("年度满意度调查", "Yearly survey"), null,
                reworded, "admin");
        assertThat(v2.versions()).extracting(SurveyVersion::number).containsExactly(1, 2);
        assertThat(v2.version(1).orElseThrow().question("quality").orElseThrow().scale()).isEqualTo(5);
        assertThat(v2.wordingChanged("quality")).isTrue();
        assertThat(v2.wordingChanged("service")).isFalse();
        answer(kehu, "versions", c, Map.of("quality", 1, "service", 3, "recommend", 4));
        answer(kehu, "versions", c, Map.of("quality", 10, "service", 9, "recommend", 8));

        ScoreSummary sum = new SurveyAnalytics(context.records()).summary(Map.of("survey", "versions"));
        assertThat(sum.responses()).isEqualTo(3);
        // ratings: v1 5/5 ✓, 10/10 ✓; v2 1/10 ✗, 3/10 ✗; 10/10 ✓, 9/10 ✓ → 4 of 6
        assertThat(sum.csat()).isEqualByComparingTo("66.7");
        assertThat(sum.rated()).isEqualTo(6);
        // NPS 10, 4, 8 → (1 − 1) / 3
        assertThat(sum.nps()).isEqualByComparingTo("0.0");
        // quality on five points: 5, 1, 5 → 3.67
        assertThat(sum.means()).containsEntry(Dimension.QUALITY, new BigDecimal("3.67"));
        assertThat(sum.meanCounts()).containsEntry(Dimension.QUALITY, 3);
    }

    @Test
    void aResponseIsARecordWithScoresAndReadableAnswers() {
        KehuTestHost kehu = kehu();
        survey(kehu.context(), "record");
        long c = customer(kehu.context(), "记录客户");
        RecordData r = answer(kehu, "record", c, Map.of("quality", 4, "service", 10, "recommend", 9,
                "aspects", Map.of("speed", 5, "price", 3), "channel", "friend", "renew", true)).response();
        RecordData stored = kehu.recordsAs("staff").get(SurveyForms.RESPONSE, r.id()).orElseThrow();
        assertThat(stored.get("customer")).isEqualTo(c);
        assertThat(stored.get("campaign")).isEqualTo("2026 年度回访");
        assertThat((BigDecimal) stored.get("score_quality")).isEqualByComparingTo("4");
        assertThat((BigDecimal) stored.get("score_price")).isEqualByComparingTo("3");
        assertThat(stored.get("nps")).isEqualTo(9L);
        assertThat(stored.get("low_score")).isEqualTo(false);
        assertThat((String) stored.get("summary")).contains("您从哪里了解我们？ / Where did you hear of us?: 朋友 / A friend")
                .contains("响应速度 5/5；价格 3/5");
    }

    @Test
    void theSameSubmissionKeyStoresOneResponse() {
        KehuTestHost kehu = kehu();
        survey(kehu.context(), "idempotent");
        long c = customer(kehu.context(), "重复提交客户");
        Submission s = new Submission("idempotent", c, null, null, null, "link", null,
                Map.of("quality", 5, "service", 9, "recommend", 10), "key-" + c);
        SurveyService service = new SurveyService(kehu.context());
        SurveyService.Result first = service.submit(s, kehu.context().records());
        SurveyService.Result again = service.submit(s, kehu.context().records());
        assertThat(first.repeated()).isFalse();
        assertThat(again.repeated()).isTrue();
        assertThat(again.response().id()).isEqualTo(first.response().id());
        assertThat(new SurveyAnalytics(kehu.context().records()).summary(Map.of("customer", c)).responses())
                .isEqualTo(1);
    }

    @Test
    void refusedAnswersStoreNothing() {
        KehuTestHost kehu = kehu();
        survey(kehu.context(), "refused");
        long c = customer(kehu.context(), "无效答案客户");
        SurveyService.Result r = answer(kehu, "refused", c, Map.of("quality", 9));
        assertThat(r.stored()).isFalse();
        assertThat(r.problems()).isNotEmpty();
        assertThat(new SurveyAnalytics(kehu.context().records()).summary(Map.of("customer", c)).responses())
                .isZero();
    }

    @Test
    void aLowScoreOpensAFollowUpForSomeoneElseThanTheHandler() {
        KehuTestHost kehu = kehu();
        survey(kehu.context(), "loop");
        long c = customer(kehu.context(), "低分客户");
        SurveyService.Result low = new SurveyService(kehu.context()).submit(new Submission("loop", c, null,
                null, null, "phone", "manager", Map.of("quality", 2, "service", 10, "recommend", 9), null),
                kehu.context().records());
        assertThat(low.response().get("low_score")).isEqualTo(true);
        List<TaskInfo> tasks = kehu.context().workflows().openTasks(SurveyForms.RESPONSE, low.response().id());
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.assignee()).isEqualTo("admin"); // manager handled the matter: the next configured user
            assertThat(t.kind()).isEqualTo(FollowUps.KIND);
            assertThat(t.id()).isEqualTo(low.followUpTask());
        });
        // NPS 6 is low too (default threshold); a good response opens nothing
        SurveyService.Result detractor = answer(kehu, "loop", c, Map.of("quality", 5, "service", 10,
                "recommend", 6));
        assertThat(kehu.context().workflows().openTasks(SurveyForms.RESPONSE, detractor.response().id()))
                .singleElement().satisfies(t -> assertThat(t.assignee()).isEqualTo("manager"));
        SurveyService.Result good = answer(kehu, "loop", c, Map.of("quality", 3, "service", 10, "recommend", 7));
        assertThat(good.followUpTask()).isNull();
        assertThat(kehu.context().workflows().openTasks(SurveyForms.RESPONSE, good.response().id())).isEmpty();
        // the threshold is a setting: with "≤ 3" the same answers are low
        kehu.context().settings().put(SurveySettings.LOW_DIMENSION, "3");
        try {
            assertThat(answer(kehu, "loop", c, Map.of("quality", 3, "service", 10, "recommend", 7)).followUpTask())
                    .isNotNull();
        } finally {
            kehu.context().settings().put(SurveySettings.LOW_DIMENSION, "2");
        }
    }

    @Test
    void rulesReadTheCustomersCurrentCsatAndNps() throws Exception {
        KehuTestHost kehu = kehu();
        survey(kehu.context(), "rules");
        long c = customer(kehu.context(), "规则客户");
        answer(kehu, "rules", c, Map.of("quality", 5, "service", 10, "recommend", 10));
        answer(kehu, "rules", c, Map.of("quality", 3, "service", 4, "recommend", 5));
        ScriptFunctions functions = kehu.extension(ScriptFunctions.class, SurveyFunctions.class);
        assertThat(functions.name()).isEqualTo("survey");
        Object survey = functions.functions();
        var csat = survey.getClass().getMethod("csat", Object.class);
        var nps = survey.getClass().getMethod("nps", Object.class);
        var mean = survey.getClass().getMethod("mean", Object.class, String.class);
        // ratings 5/5 ✓, 10/10 ✓, 3/5 ✗, 4/10 ✗ → 50%; NPS 10 and 5 → (1 − 1) / 2 = 0; quality (5 + 3) / 2 = 4
        assertThat((BigDecimal) csat.invoke(survey, c)).isEqualByComparingTo("50.0");
        assertThat((BigDecimal) nps.invoke(survey, c)).isEqualByComparingTo("0");
        assertThat((BigDecimal) mean.invoke(survey, c, "quality")).isEqualByComparingTo("4");
        assertThat(csat.invoke(survey, customer(kehu.context(), "没有答卷"))).isNull();
    }
}
