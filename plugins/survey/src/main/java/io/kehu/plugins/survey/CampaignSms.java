package io.kehu.plugins.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text messages to customers: each customer of a just-started campaign who has a phone number gets their personal
 * link by SMS through the admin's gateway ({@link SmsGateway}), once the start has committed (the links exist). A
 * message the gateway does not take is counted and named, so staff send those links another way.
 */
final class CampaignSms {

    /** Messages the gateway took, customers without a phone, and the phones it did not take. */
    record Sent(int sent, int withoutPhone, List<String> failed) {
    }

    private CampaignSms() {
    }

    static Sent send(SmsGateway gateway, io.kehu.sdk.PluginContext context, Campaigns.Started started,
            SurveyVersion survey, int days) {
        int without = 0;
        int sent = 0;
        List<String> failed = new ArrayList<>();
        for (Campaigns.Link link : started.links()) {
            String phone = link.phone() == null ? "" : link.phone().replaceAll("[\\s-]", "");
            if (!phone.matches("\\+?[0-9]{5,20}")) {
                without++;
                continue;
            }
            try {
                gateway.send(phone, text(survey, days, LinkAddress.personal(context, link.token())));
                sent++;
            } catch (SmsGateway.NotSent e) {
                context.logger().warn("survey: SMS to customer {} not sent: {}", link.customer(), e.getMessage());
                failed.add(phone);
            }
        }
        return new Sent(sent, without, failed);
    }

    /** The message: short, Chinese (customers' phones here), with the link. */
    static String text(SurveyVersion survey, int days, String url) {
        return "【" + survey.title().in(Locale.CHINESE) + "】您好，请通过专属链接填写问卷（" + days + " 天内有效，只能填写一次）："
                + url;
    }
}
