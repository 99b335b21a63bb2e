package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;

/**
 * Mails each customer of a just-started campaign their personal link, where the customer has an e-mail address,
 * through the platform's mail server ({@code context.mail()}): the mails leave on a background thread, so starting a
 * campaign of thousands does not wait for them. Customers without an address (or with one the mail library refuses)
 * are counted, so staff know how many links are still theirs to send.
 */
final class CampaignMails {

    /** How many mails were queued and how many customers have no usable address. */
    record Sent(int mailed, int withoutAddress) {
    }

    private CampaignMails() {
    }

    static Sent send(PluginContext context, Campaigns.Started started, SurveyVersion survey, int days) {
        int mailed = 0;
        int without = 0;
        String subject = "满意度调查 Satisfaction survey：" + survey.title().in(java.util.Locale.CHINESE);
        for (Campaigns.Link link : started.links()) {
            if (link.email() == null || link.email().isBlank()) {
                without++;
                continue;
            }
            String url = LinkAddress.personal(context, link.token());
            String text = (link.customerName().isBlank() ? "您好！" : link.customerName() + "，您好！")
                    + "\n\n" + survey.greeting().in(java.util.Locale.CHINESE)
                    + "\n请点击下面的专属链接填写问卷“" + survey.title().in(java.util.Locale.CHINESE) + "”（" + days
                    + " 天内有效，只能填写一次）：\n" + url
                    + "\n\nHello! Please answer our survey \"" + survey.title().in(java.util.Locale.ENGLISH)
                    + "\" through your personal link (valid for " + days + " days, answers once):\n" + url + "\n";
            try {
                context.mail().send(link.email(), subject, text);
                mailed++;
            } catch (IllegalArgumentException badAddress) {
                context.logger().warn("campaign {}: customer {} has no usable e-mail address: {}",
                        started.campaign().get("name"), link.customer(), badAddress.getMessage());
                without++;
            }
        }
        return new Sent(mailed, without);
    }
}
