package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mails to customers: each customer of a just-started campaign gets their personal link, where the customer has an
 * e-mail address, and reminders carry a link of their own ({@link Reminders}). The mails go through the
 * {@link MailOutbox} (queued as records, sent by its job at once and retried with backoff when the server refuses),
 * so starting a campaign of thousands does not wait for them. Customers without an address are counted, so staff
 * know how many links are still theirs to send.
 */
final class CampaignMails {

    /** How many mails were queued and how many customers have no usable address. */
    record Sent(int mailed, int withoutAddress) {
    }

    private CampaignMails() {
    }

    static Sent send(PluginContext context, Campaigns.Started started, SurveyVersion survey, int days) {
        int without = 0;
        String subject = "满意度调查 Satisfaction survey：" + survey.title().in(Locale.CHINESE);
        String campaign = (String) started.campaign().get("name");
        String reportTo = (String) started.campaign().get("started_by");
        List<MailOutbox.Mail> mails = new ArrayList<>();
        for (Campaigns.Link link : started.links()) {
            if (!usable(link.email())) {
                without++;
                continue;
            }
            String url = LinkAddress.personal(context, link.token());
            String text = (link.customerName().isBlank() ? "您好！" : link.customerName() + "，您好！")
                    + "\n\n" + survey.greeting().in(Locale.CHINESE)
                    + "\n请点击下面的专属链接填写问卷“" + survey.title().in(Locale.CHINESE) + "”（" + days
                    + " 天内有效，只能填写一次）：\n" + url
                    + "\n\nHello! Please answer our survey \"" + survey.title().in(Locale.ENGLISH)
                    + "\" through your personal link (valid for " + days + " days, answers once):\n" + url + "\n";
            mails.add(new MailOutbox.Mail(link.email(), subject, text, "link", campaign, link.customer(), reportTo));
        }
        MailOutbox outbox = new MailOutbox(context);
        outbox.queue(mails);
        outbox.sendSoon();
        return new Sent(mails.size(), without);
    }

    /** A reminder to a customer who has not answered yet, with a link of its own to the same invitation. */
    static MailOutbox.Mail reminder(PluginContext context, String email, String customerName, SurveyVersion survey,
            String campaign, String token, Object expiresAt, long customer, String reportTo) {
        String url = LinkAddress.personal(context, token);
        String until = expiresAt == null ? "" : Rollups.time(expiresAt).atZoneSameInstant(java.time.ZoneId
                .systemDefault()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT));
        String text = (customerName == null || customerName.isBlank() ? "您好！" : customerName + "，您好！")
                + "\n\n您还没有填写问卷“" + survey.title().in(Locale.CHINESE) + "”。只需一分钟，您的意见对我们很重要。"
                + "\n请在 " + until + " 前通过下面的链接填写（只能填写一次）：\n" + url
                + "\n\nHello! You have not answered our survey \"" + survey.title().in(Locale.ENGLISH)
                + "\" yet. It takes a minute and your opinion matters to us. Please answer before " + until
                + " through this link (answers once):\n" + url + "\n";
        return new MailOutbox.Mail(email, "提醒 Reminder：" + survey.title().in(Locale.CHINESE), text, "reminder",
                campaign, customer, reportTo);
    }

    private static boolean usable(String email) {
        return email != null && !email.isBlank() && email.contains("@") && !email.trim().contains(" ");
    }
}
