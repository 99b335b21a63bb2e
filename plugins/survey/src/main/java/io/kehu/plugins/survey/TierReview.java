package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.workflows.WorkflowActionCall;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The yearly tier review (年度等级回访): once the tiering plugin has run a period's tiering (a new period in its
 * {@code tier_history}), every tiered customer (a {@code level}) gets a personal link to the standard survey through
 * the {@code send_link} action — handed to their account manager, and mailed to the customer when they have an
 * address and the platform a mail server — counted under the campaign {@code 年度等级回访 <year>}. A customer gets at
 * most one such link a calendar year, whatever the number of runs or periods, and a run that stopped half-way picks
 * up where it left off. Without the tiering plugin's history (not installed) or without the survey nothing happens.
 */
final class TierReview {

    /** The tiering plugin's history of tier adjustments, one row per customer and period. */
    static final String HISTORY = "tier_history";
    /** The newest tiering period already reviewed (plugin setting). */
    static final String DONE = "tier_review_period";
    /** How long the links stay open. */
    static final String DAYS = "30";

    /** What a run did: the period reviewed (null: none new), links sent, customers who already had this year's. */
    record Outcome(String period, int sent, int skipped) {
    }

    private final PluginContext context;

    TierReview(PluginContext context) {
        this.context = context;
    }

    static String campaign(int year) {
        return "年度等级回访 " + year;
    }

    Outcome run(LocalDate today) {
        if (context.definitions().form(HISTORY).isEmpty()) {
            return new Outcome(null, 0, 0);
        }
        Optional<String> newest = context.records().search(HISTORY).sortBy("period", true).fields("period").limit(1)
                .list().stream().map(r -> (String) r.get("period")).findFirst();
        if (newest.isEmpty() || newest.get().equals(context.settings().get(DONE, null))) {
            return new Outcome(null, 0, 0);
        }
        if (new SurveyCatalog(context).get(StandardSurvey.KEY).isEmpty()) {
            context.logger().warn("tier review of {}: the survey {} does not exist, no links (tried again tomorrow)",
                    newest.get(), StandardSurvey.KEY);
            return new Outcome(null, 0, 0);
        }
        String campaign = campaign(today.getYear());
        Set<Long> invited = new HashSet<>();
        context.records().search(SurveyForms.INVITATION).where("campaign", FilterOperator.EQUALS, campaign)
                .fields("customer").forEach(i -> {
                    if (i.get("customer") instanceof Number n) {
                        invited.add(n.longValue());
                    }
                });
        SendSurveyLink sendLink = new SendSurveyLink(context);
        int[] counts = new int[2];
        context.records().search("customer").where("level", FilterOperator.IS_NOT_EMPTY).fields("level")
                .forEach(customer -> {
                    if (!invited.add(customer.id())) {
                        counts[1]++;
                        return;
                    }
                    // each customer's link in its own transaction: one refused write does not stop the others
                    context.transactions().run(() -> sendLink.run(call(customer, campaign)));
                    counts[0]++;
                });
        context.settings().put(DONE, newest.get());
        context.logger().info("tier review of {}: {} links sent, {} customers had theirs this year", newest.get(),
                counts[0], counts[1]);
        return new Outcome(newest.get(), counts[0], counts[1]);
    }

    private static WorkflowActionCall call(RecordData customer, String campaign) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("survey", StandardSurvey.KEY);
        params.put("days", DAYS);
        params.put("to", "owner");
        params.put("mail", "customer");
        params.put("campaign", campaign);
        return new WorkflowActionCall("job:" + TierReviewJob.ID, TierReviewJob.ID, "customer", customer.id(),
                customer.values(), null, params);
    }

    /** For tests and the docs: the customers this year's review reached. */
    static List<Long> reached(PluginContext context, int year) {
        return context.records().search(SurveyForms.INVITATION).where("campaign", FilterOperator.EQUALS,
                campaign(year)).fields("customer").list().stream()
                .map(r -> ((Number) r.get("customer")).longValue()).toList();
    }
}
