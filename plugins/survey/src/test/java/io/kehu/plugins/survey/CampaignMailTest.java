package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A campaign's links mailed to its customers through the platform's mail server, against a real SMTP server in the
 * test (GreenMail): each customer with an address gets one mail with their own link (on the platform's public
 * address, since no browser request made it), in Chinese and English; a customer without an address is counted.
 */
class CampaignMailTest {

    @Test
    void eachCustomerWithAnAddressGetsTheirOwnLinkByMail() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .property("spring.mail.host", "127.0.0.1")
                .property("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()))
                .property("kehu.public-url", "https://crm.example.com/")
                .start()) {
            PluginContext context = kehu.context();
            new SurveyCatalog(context).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                    StandardSurvey.questions(), "admin");
            assertThat(context.mail().configured()).isTrue();
            String tag = "邮件客户 " + UUID.randomUUID().toString().substring(0, 8);
            context.records().create("customer", Map.of("name", tag, "email", "wang." + System.nanoTime()
                    + "@example.com"));
            context.records().create("customer", Map.of("name", tag, "email", "li." + System.nanoTime()
                    + "@example.com"));
            context.records().create("customer", Map.of("name", tag, "phone", "139" + (10_000_000
                    + System.nanoTime() % 89_999_999)));
            long view = kehu.saveListView("manager", "customer", "邮件名单", Map.of("name", tag));
            Campaigns.Started started = kehu.callAsUser("manager", () -> new Campaigns(context).start(
                    "邮件活动 " + tag, StandardSurvey.KEY, Campaigns.Segment.ofView(view, "邮件名单"),
                    Duration.ofDays(10), false));
            assertThat(started.links()).hasSize(3);

            CampaignMails.Sent sent = CampaignMails.send(context, started,
                    new SurveyCatalog(context).get(StandardSurvey.KEY).orElseThrow().current(), 10);
            assertThat(sent).isEqualTo(new CampaignMails.Sent(2, 1));
            assertThat(smtp.waitForIncomingEmail(60_000, 2)).isTrue();
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(2);
            for (Campaigns.Link link : started.links()) {
                if (link.email().isBlank()) {
                    continue;
                }
                MimeMessage mail = Arrays.stream(mails).filter(m -> to(m).equals(link.email())).findFirst()
                        .orElseThrow();
                assertThat(mail.getSubject()).isEqualTo("满意度调查 Satisfaction survey：客户满意度调查");
                assertThat(mail.getContent().toString())
                        .contains("https://crm.example.com/public/survey/answer?t=" + link.token())
                        .contains("10 天内有效，只能填写一次").contains("valid for 10 days")
                        .startsWith(tag + "，您好！");
            }
        } finally {
            smtp.stop();
        }
    }

    private static String to(MimeMessage mail) {
        try {
            return mail.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
