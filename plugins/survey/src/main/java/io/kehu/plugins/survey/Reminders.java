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
 * Reminders for customers who have not answered a campaign's link yet: whoever looks after each customer — the
 * account manager, else the person who started the campaign — gets one notice per person in the app (我的通知; mailed
 * too when they asked for notice mails) naming how many of their customers are still open; and, when a mail server is
 * configured, each such customer with an e-mail address gets a reminder mail with a link of their own (a second
 * token for the same single-use invitation, since the first is kept only as a fingerprint), through the
 * {@link MailOutbox}, which retries what the server refuses.
 * Each open invitation counts the reminder ({@code reminders}, {@code reminded_at}), so a customer is not chased
 * more than {@link #MAX_REMINDERS} times.
 */
public final class Reminders {

    /**
     * What a round of reminders did: customers reminded about, notices sent (one per person), reminder mails queued
     * to customers.
     */
    public record Sent(int customers, int notices, int mailed) {

        public Sent(int customers, int notices) {
            this(customers, notices, 0);
        }
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
        int mailed = 0;
        for (RecordData c : context.records().search(SurveyForms.CAMPAIGN)
                .where("expires_at", FilterOperator.GREATER, OffsetDateTime.now(ZoneOffset.UTC))
                .where("started_at", FilterOperator.LESS_OR_EQUAL, cutoff).limit(1000).list()) {
            Sent sent = remind((String) c.get("name"), quiet);
            customers += sent.customers();
            notices += sent.notices();
            mailed += sent.mailed();
        }
        return new Sent(customers, notices, mailed);
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
        String title = (String) campaign.get("name");
        Map<String, Integer> perPerson = new LinkedHashMap<>();
        String fallback = (String) campaign.get("started_by");
        boolean mail = context.mail().configured();
        Map<Long, String> reminderHashes = new java.util.HashMap<>();
        List<MailOutbox.Mail> mails = new ArrayList<>();
        SurveyVersion survey = new SurveyCatalog(context).get((String) campaign.get("survey")).map(Survey::current)
                .orElse(null);
        for (RecordData i : open) {
            long customerId = ((Number) i.get("customer")).longValue();
            Optional<RecordData> customer = context.records().get("customer", customerId);
            String person = customer.map(c -> c.get("account_manager")).filter(Number.class::isInstance)
                    .flatMap(id -> context.workflows().enabledUsername(((Number) id).longValue())).orElse(fallback);
            if (person != null) {
                perPerson.merge(person, 1, Integer::sum);
            }
            String email = customer.map(c -> c.get("email")).filter(String.class::isInstance).map(String.class::cast)
                    .filter(e -> e.contains("@")).orElse(null);
            if (mail && email != null && survey != null) {
                // the first link's token is not kept (only its fingerprint): the reminder carries a second one for
                // the same single-use invitation
                String token = Invitations.newToken();
                reminderHashes.put(i.id(), Invitations.hash(token));
                mails.add(CampaignMails.reminder(context, email, customer.map(c -> (String) c.get("name")).orElse(""),
                        survey, title, token, i.get("expires_at"), customerId, fallback));
            }
        }
        perPerson.forEach((person, n) -> context.workflows().notify(SurveyForms.CAMPAIGN, campaign.id(),
                List.of(person), LocalText.of("调查活动“" + title + "”：您负责的 " + n + " 位客户尚未填写问卷，请提醒他们。",
                        "Campaign \"" + title + "\": " + n + " of your customers have not answered yet; please remind them.")));
        if (!open.isEmpty()) {
            context.transactions().call(() -> {
                context.records().batch(batch -> open.forEach(i -> {
                    Map<String, Object> change = new java.util.HashMap<>(Map.of("reminders", (long) reminders(i) + 1,
                            "reminded_at", now));
                    if (reminderHashes.containsKey(i.id())) {
                        change.put("reminder_token_hash", reminderHashes.get(i.id()));
                    }
                    batch.update(SurveyForms.INVITATION, i.id(), i.rowVersion(), change);
                }));
                new MailOutbox(context).queue(mails);
                return null;
            });
            if (!mails.isEmpty()) {
                new MailOutbox(context).sendSoon();
            }
        }
        return new Sent(open.size(), perPerson.size(), mails.size());
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
