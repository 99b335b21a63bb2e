package io.kehu.plugins.survey;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.mail.MailNotSentException;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbox of mails to customers (form {@code survey_mail}): a campaign's links and the reminders. A mail is queued
 * as a record (with the campaign's start or the reminder round, all or nothing) and sent by {@link MailOutboxJob}
 * through {@code mail().sendNow}, which says whether the server took it. A mail the server cannot be reached for or
 * refuses is tried again after 1, 5, 30 minutes and 2 hours; after the fifth failure — or at once for an address the
 * mail library refuses — it is given up and reported: one notice per person (who started the campaign) naming how
 * many customers did not get their mail, so they send those links another way. The text, which holds a personal
 * link, is emptied as soon as the mail left or was given up: only the links' fingerprints are kept for longer.
 */
final class MailOutbox {

    static final String FORM = "survey_mail";
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    static final int MAX_ATTEMPTS = BACKOFF.size() + 1;
    static final Duration LEASE = Duration.ofMinutes(10);

    /** One mail to queue. */
    record Mail(String to, String subject, String body, String purpose, String campaign, Long customer,
                String reportTo) {

        Map<String, Object> values(OffsetDateTime now) {
            Map<String, Object> v = new HashMap<>();
            v.put("to_address", to.trim());
            v.put("subject", subject);
            v.put("body", body);
            v.put("purpose", purpose);
            v.put("status", "queued");
            v.put("attempts", 0L);
            v.put("next_attempt_at", now);
            if (campaign != null) {
                v.put("campaign", campaign);
            }
            if (customer != null) {
                v.put("customer", customer);
            }
            if (reportTo != null) {
                v.put("report_to", reportTo);
            }
            return v;
        }
    }

    /** What a delivery round did. */
    record Round(int sent, int retried, int failed) {
    }

    private final PluginContext context;

    MailOutbox(PluginContext context) {
        this.context = context;
    }

    /** Queues the mails in one batch (joining the caller's transaction, if any). */
    void queue(List<Mail> mails) {
        queue(mails, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** {@link #queue(List)} with the first attempt due at {@code firstAttempt}. */
    void queue(List<Mail> mails, OffsetDateTime firstAttempt) {
        if (mails.isEmpty()) {
            return;
        }
        context.records().batch(b -> mails.forEach(m -> b.create(FORM, m.values(firstAttempt))));
    }

    /** Asks the job to send what is queued now (it runs on its own thread once the caller's work is committed). */
    void sendSoon() {
        try {
            context.jobs().runNow(MailOutboxJob.ID);
        } catch (RuntimeException e) {
            // the job is busy or not scheduled yet: its next minute sends them
            context.logger().debug("outbox: will send at the next run ({})", e.toString());
        }
    }

    /** Sends every queued mail that is due at {@code now}, up to 500 per round (one minute's worth). */
    Round deliverDue(OffsetDateTime now) {
        List<RecordData> due = context.records().search(FORM).where("status", FilterOperator.EQUALS, "queued")
                .where("next_attempt_at", FilterOperator.LESS_OR_EQUAL, now).sortBy("next_attempt_at", false)
                .limit(500).list();
        int sent = 0;
        int retried = 0;
        Map<String, List<RecordData>> givenUp = new LinkedHashMap<>();
        for (RecordData listed : due) {
            int attempts = listed.get("attempts") instanceof Number n ? n.intValue() + 1 : 1;
            // claim it first (optimistic lock): a scheduled round and one asked for at once may run side by side,
            // and only the one whose claim is stored sends; a crash while sending leaves it due in ten minutes
            RecordData mail;
            try {
                mail = context.records().update(FORM, listed.id(), listed.rowVersion(), Map.of("next_attempt_at",
                        now.plus(LEASE)));
            } catch (io.kehu.sdk.records.RecordException taken) {
                continue;
            }
            Map<String, Object> change = new HashMap<>();
            change.put("attempts", (long) attempts);
            try {
                context.mail().sendNow((String) mail.get("to_address"), (String) mail.get("subject"),
                        (String) mail.get("body"));
                change.put("status", "sent");
                change.put("sent_at", now);
                change.put("body", "");
                change.put("last_error", null);
                sent++;
            } catch (MailNotSentException | IllegalStateException notSent) {
                change.put("last_error", shorten(notSent.getMessage()));
                if (attempts >= MAX_ATTEMPTS) {
                    change.put("status", "failed");
                    change.put("body", "");
                    givenUp.computeIfAbsent(reportTo(mail), k -> new ArrayList<>()).add(mail);
                } else {
                    change.put("next_attempt_at", now.plus(BACKOFF.get(attempts - 1)));
                    retried++;
                }
            } catch (IllegalArgumentException badAddress) {
                // retrying cannot help an address the mail library refuses
                change.put("last_error", shorten(badAddress.getMessage()));
                change.put("status", "failed");
                change.put("body", "");
                givenUp.computeIfAbsent(reportTo(mail), k -> new ArrayList<>()).add(mail);
            }
            context.records().update(FORM, mail.id(), mail.rowVersion(), change);
        }
        givenUp.forEach(this::report);
        int failed = givenUp.values().stream().mapToInt(List::size).sum();
        if (!due.isEmpty()) {
            context.logger().info("outbox: {} sent, {} to retry, {} given up", sent, retried, failed);
        }
        return new Round(sent, retried, failed);
    }

    private static String reportTo(RecordData mail) {
        return mail.get("report_to") instanceof String s && !s.isBlank() ? s : "admin";
    }

    private void report(String person, List<RecordData> mails) {
        String campaign = mails.stream().map(m -> (String) m.get("campaign")).filter(java.util.Objects::nonNull)
                .findFirst().orElse("");
        String addresses = String.join("、", mails.stream().limit(3).map(m -> (String) m.get("to_address"))
                .toList()) + (mails.size() > 3 ? " …" : "");
        context.workflows().notify(FORM, mails.getFirst().id(), List.of(person), LocalText.of(
                "调查活动“" + campaign + "”：" + mails.size() + " 封发给客户的问卷邮件多次发送失败（" + addresses
                        + "），请改用短信、微信或电话把链接告诉客户。",
                "Campaign \"" + campaign + "\": " + mails.size() + " survey mails to customers could not be sent after "
                        + "several tries (" + addresses + "); please give them their link by SMS, WeChat or phone."));
    }

    private static String shorten(String message) {
        String m = message == null ? "?" : message;
        return m.length() > 500 ? m.substring(0, 500) : m;
    }
}
