package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reminders for customers who have not answered a campaign's link yet. Kehu knows its users, not a way to write to
 * customers, so the reminder goes to whoever looks after each customer — the account manager, else the person who
 * started the campaign — as one notice per person in the app (我的通知; mailed too when they asked for notice mails),
 * naming how many of their customers are still open; they remind the customer in the usual way (phone, WeChat).
 * Each open invitation counts the reminder ({@code reminders}, {@code reminded_at}), so a customer is not chased
 * more than {@link #MAX_REMINDERS} times.
 */
public final class Reminders {

    /** What a round of reminders did: customers reminded about, notices sent (one per person). */
    public record Sent(int customers, int notices) {
    }

    static final int MAX_REMINDERS = 3;

    private final PluginContext context;

    public Reminders(PluginContext context) {
        this.context = context;
    }

    /** Reminds about every open, unanswered, unexpired link of the campaign (the button). */
    public Sent remind(String campaignName) {
        return remind(campaignName, java.time.Duration.ZERO);
    }

    /**
     * The daily round ({@link ReminderJob}): every open campaign started at least {@code quiet} ago, about links not
     * reminded of within {@code quiet}.
     */
    public Sent remindDue(java.time.Duration quiet) {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(quiet);
        int customers = 0;
        int notices = 0;
        for (RecordData c : context.records().search(SurveyForms.CAMPAIGN)
                .where("expires_at", FilterOperator.GREATER, OffsetDateTime.now(ZoneOffset.UTC))
                .where("started_at", FilterOperator.LESS_OR_EQUAL, cutoff).limit(1000).list()) {
            Sent sent = remind((String) c.get("name"), quiet);
            customers += sent.customers();
            notices += sent.notices();
        }
        return new Sent(customers, notices);
    }

    private Sent remind(String campaignName, java.time.Duration quiet) {
        RecordData campaign = new Campaigns(context).find(campaignName)
                .orElseThrow(() -> new IllegalArgumentException("No campaign " + campaignName));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime cutoff = now.minus(quiet);
        List<RecordData> open = new ArrayList<>();
        context.records().search(SurveyForms.INVITATION).where("campaign", FilterOperator.EQUALS, campaignName)
                .where("used_at", FilterOperator.IS_EMPTY)
                .fields("customer", "expires_at", "reminders", "reminded_at")
                .forEach(i -> {
                    if (!Invitations.expired(i) && reminders(i) < MAX_REMINDERS && quietSince(i, cutoff)) {
                        open.add(i);
                    }
                });
        Map<String, Integer> perPerson = new LinkedHashMap<>();
        String fallback = (String) campaign.get("started_by");
        for (RecordData i : open) {
            String person = manager(((Number) i.get("customer")).longValue()).orElse(fallback);
            if (person != null) {
                perPerson.merge(person, 1, Integer::sum);
            }
        }
        String title = (String) campaign.get("name");
        perPerson.forEach((person, n) -> context.workflows().notify(SurveyForms.CAMPAIGN, campaign.id(),
                List.of(person), LocalText.of("调查活动“" + title + "”：您负责的 " + n + " 位客户尚未填写问卷，请提醒他们。",
                        "Campaign \"" + title + "\": " + n + " of your customers have not answered yet; please remind them.")));
        if (!open.isEmpty()) {
            context.records().batch(batch -> open.forEach(i -> batch.update(SurveyForms.INVITATION, i.id(),
                    i.rowVersion(), Map.of("reminders", (long) reminders(i) + 1, "reminded_at", now))));
        }
        return new Sent(open.size(), perPerson.size());
    }

    private Optional<String> manager(long customer) {
        return context.records().get("customer", customer).map(c -> c.get("account_manager"))
                .filter(Number.class::isInstance).map(id -> ((Number) id).longValue())
                .flatMap(id -> context.workflows().enabledUsername(id));
    }

    private static boolean quietSince(RecordData invitation, OffsetDateTime cutoff) {
        Object at = invitation.get("reminded_at");
        OffsetDateTime last = at == null ? null : at instanceof OffsetDateTime t ? t : OffsetDateTime.parse(at.toString());
        return last == null || !last.isAfter(cutoff);
    }

    private static int reminders(RecordData invitation) {
        return invitation.get("reminders") instanceof Number n ? n.intValue() : 0;
    }
}
