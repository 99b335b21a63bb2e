package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuTestHost;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The yearly tier review: after a tiering run (a new period in the tiering plugin's {@code tier_history}, published
 * here in its shape since the tiering plugin is not part of this build) the job {@code tier-review} sends every
 * tiered customer one personal link through {@code send_link}, handed to the account manager; again the same day, or
 * after another period of the same year, nobody gets a second one. On H2 ({@link TierReviewH2Test}) and PostgreSQL
 * ({@link SurveyPostgresTest}).
 */
abstract class TierReviewContract {

    /** The fields of the tiering plugin's form the review reads. */
    static final String HISTORY_FORM = """
            {"id": "tier_history", "label": {"zh": "客户等级调整", "en": "Tier adjustment"}, "titleField": "period",
             "fields": [
               {"id": "customer", "type": "reference", "label": {"zh": "客户", "en": "Customer"}, "form": "customer",
                "required": true, "indexed": true},
               {"id": "period", "type": "text", "label": {"zh": "评估周期", "en": "Period"}, "required": true,
                "maxLength": 40, "indexed": true}
             ],
             "permissions": {"read": ["staff", "manager", "admin"], "write": ["admin"]}}
            """;

    abstract KehuTestHost kehu();

    private static long customer(PluginContext context, String name, String level, long manager) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("account_manager", manager);
        values.put("phone", "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L)));
        if (level != null) {
            values.put("level", level);
        }
        return context.records().create("customer", values).id();
    }

    private static List<Long> linksOf(PluginContext context, long customer) {
        return context.records().search(SurveyForms.INVITATION).where("customer", FilterOperator.EQUALS, customer)
                .where("campaign", FilterOperator.EQUALS, TierReview.campaign(LocalDate.now().getYear())).list()
                .stream().map(RecordData::id).toList();
    }

    @Test
    void everyTieredCustomerGetsOneLinkAYearAfterTheTieringRun() {
        KehuTestHost kehu = kehu();
        PluginContext context = kehu.context();
        if (context.definitions().form(TierReview.HISTORY).isEmpty()) {
            kehu.publishForm(HISTORY_FORM);
        }
        new SurveyCatalog(context).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                StandardSurvey.questions(), "admin");
        long staff = context.users().byUsername("staff").orElseThrow().id();
        long key = customer(context, "年度回访大客户", "KEY", staff);
        long normal = customer(context, "年度回访一般客户", "NORMAL", staff);
        long untiered = customer(context, "未分级客户", null, staff);
        int noticesBefore = kehu.notices("staff").size();

        // a tiering run of a new period (the periods of other tests sort before it)
        String period = "9" + System.nanoTime();
        context.records().create(TierReview.HISTORY, Map.of("customer", key, "period", period));
        assertThat(kehu.runJob(TierReviewJob.ID).toString()).doesNotContainIgnoringCase("failed");
        assertThat(linksOf(context, key)).hasSize(1);
        assertThat(linksOf(context, normal)).hasSize(1);
        assertThat(linksOf(context, untiered)).isEmpty();
        RecordData link = context.records().get(SurveyForms.INVITATION, linksOf(context, key).getFirst())
                .orElseThrow();
        assertThat(link.get("survey")).isEqualTo(StandardSurvey.KEY);
        assertThat(link.get("context_form")).isEqualTo("customer");
        assertThat(((Number) link.get("context_id")).longValue()).isEqualTo(key);
        // handed to the account manager, with the link
        assertThat(kehu.notices("staff").size()).isGreaterThanOrEqualTo(noticesBefore + 2);
        assertThat(kehu.notices("staff")).anySatisfy(n -> assertThat(n.zh())
                .startsWith("请把问卷“客户满意度调查”的专属链接发给客户").contains("30 天内有效"));

        // the same day again, and another period of the same year: nobody gets a second link
        kehu.runJob(TierReviewJob.ID);
        context.records().create(TierReview.HISTORY, Map.of("customer", normal, "period", period + "b"));
        kehu.runJob(TierReviewJob.ID);
        assertThat(context.settings().get(TierReview.DONE, null)).isEqualTo(period + "b");
        assertThat(linksOf(context, key)).hasSize(1);
        assertThat(linksOf(context, normal)).hasSize(1);
        assertThat(linksOf(context, untiered)).isEmpty();
    }
}
