package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mails to customers against a real SMTP receiver (GreenMail): reminders go to the customers themselves with a link
 * of their own that answers the same single-use invitation; a mail the server does not take is retried with backoff
 * (1, 5, 30 minutes, 2 hours) and, after the fifth failure, given up and reported to whoever started the campaign.
 * Rounds are run with an explicit time a day ahead, so the outbox job's own minute (real time) never takes them.
 */
class CustomerMailTest {

    private static final Pattern LINK = Pattern.compile("/public/survey/answer\\?t=([A-Za-z0-9_-]{43})");

    @Test
    void customersWhoHaveNotAnsweredGetAReminderMailWithALinkOfTheirOwn() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (KehuTestHost kehu = host(smtp.getSmtp().getPort())) {
            PluginContext context = kehu.context();
            new SurveyCatalog(context).save(StandardSurvey.KEY, StandardSurvey.title(), StandardSurvey.greeting(),
                    StandardSurvey.questions(), "admin");
            String tag = "提醒客户 " + UUID.randomUUID().toString().substring(0, 8);
            String wang = "wang." + System.nanoTime() + "@example.com";
            context.records().create("customer", Map.of("name", tag, "email", wang));
            context.records().create("customer", Map.of("name", tag, "phone", "13912345678"));
            long view = kehu.saveListView("manager", "customer", "提醒名单", Map.of("name", tag));
            String name = "提醒活动 " + tag;
            Campaigns.Started started = kehu.callAsUser("manager", () -> new Campaigns(context).start(name,
                    StandardSurvey.KEY, Campaigns.Segment.ofView(view, "提醒名单"), Duration.ofDays(10), false));
            String first = started.links().stream().filter(l -> wang.equals(l.email())).findFirst().orElseThrow()
                    .token();

            Reminders.Sent sent = new Reminders(context).remind(name);
            assertThat(sent.customers()).isEqualTo(2);
            assertThat(sent.mailed()).isEqualTo(1); // the customer without an address is left to the manager's call
            assertThat(smtp.waitForIncomingEmail(60_000, 1)).isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(wang);
            assertThat(mail.getSubject()).isEqualTo("提醒 Reminder：客户满意度调查");
            String text = mail.getContent().toString();
            assertThat(text).startsWith(tag + "，您好！").contains("您还没有填写问卷“客户满意度调查”")
                    .contains("https://crm.example.com/public/survey/answer?t=");
            Matcher m = LINK.matcher(text);
            assertThat(m.find()).isTrue();
            String reminderToken = m.group(1);
            assertThat(reminderToken).isNotEqualTo(first);

            Invitations invitations = new Invitations(context);
            assertThat(invitations.open(reminderToken).state()).isEqualTo(Invitations.State.OPEN);
            assertThat(invitations.answer(reminderToken, Map.of("quality", 5, "service", 5, "speed", 4, "price", 4,
                    "overall", 5, "recommend", 9)).stored()).isTrue();
            // one invitation: the first link is used now too, and answering through it again stores nothing new
            assertThat(invitations.open(first).state()).isEqualTo(Invitations.State.USED);
            assertThat(invitations.answer(first, Map.of("quality", 1)).repeated()).isTrue();
            // the outbox kept no link once the mail left
            List<RecordData> outbox = context.records().search(MailOutbox.FORM)
                    .where("campaign", io.kehu.sdk.records.FilterOperator.EQUALS, name).list();
            assertThat(outbox).singleElement().satisfies(r -> {
                assertThat(r.get("status")).isEqualTo("sent");
                assertThat((String) r.get("body")).isNullOrEmpty();
            });
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aRefusedMailIsRetriedWithBackoffThenReportedToWhoStartedTheCampaign() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (KehuTestHost kehu = host(port)) {
            PluginContext context = kehu.context();
            MailOutbox outbox = new MailOutbox(context);
            OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            String campaign = "重试活动 " + UUID.randomUUID().toString().substring(0, 8);
            outbox.queue(List.of(new MailOutbox.Mail("zhao@example.com", "满意度调查", "请填写：https://x/t", "link",
                    campaign, null, "manager")), t0);

            // nothing listens on the port: the first try fails and is due again a minute later
            assertThat(outbox.deliverDue(t0)).isEqualTo(new MailOutbox.Round(0, 1, 0));
            RecordData queued = mail(context, campaign);
            assertThat(queued.get("status")).isEqualTo("queued");
            assertThat(((Number) queued.get("attempts")).intValue()).isEqualTo(1);
            assertThat(Rollups.time(queued.get("next_attempt_at"))).isEqualTo(t0.plusMinutes(1));
            assertThat((String) queued.get("last_error")).isNotBlank();
            assertThat(outbox.deliverDue(t0.plusSeconds(30))).isEqualTo(new MailOutbox.Round(0, 0, 0));

            // the server is back: the next try sends it, and the text with the link is emptied
            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                assertThat(outbox.deliverDue(t0.plusMinutes(1))).isEqualTo(new MailOutbox.Round(1, 0, 0));
                assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
                assertThat(smtp.getReceivedMessages()[0].getContent().toString()).contains("请填写：https://x/t");
            } finally {
                smtp.stop();
            }
            RecordData sent = mail(context, campaign);
            assertThat(sent.get("status")).isEqualTo("sent");
            assertThat((String) sent.get("body")).isNullOrEmpty();

            // a mail that never leaves: tried at 0, +1, +5, +30 minutes and +2 hours, then given up and reported
            String lost = campaign + " 二";
            outbox.queue(List.of(new MailOutbox.Mail("qian@example.com", "满意度调查", "请填写", "reminder", lost, null,
                    "manager")), t0);
            OffsetDateTime at = t0;
            for (Duration wait : MailOutbox.BACKOFF) {
                assertThat(outbox.deliverDue(at).retried()).isEqualTo(1);
                at = at.plus(wait);
            }
            assertThat(outbox.deliverDue(at)).isEqualTo(new MailOutbox.Round(0, 0, 1));
            RecordData failed = mail(context, lost);
            assertThat(failed.get("status")).isEqualTo("failed");
            assertThat(((Number) failed.get("attempts")).intValue()).isEqualTo(5);
            assertThat(kehu.notices("manager")).anySatisfy(n -> assertThat(n.zh())
                    .contains("调查活动“" + lost + "”：1 封发给客户的问卷邮件多次发送失败（qian@example.com）"));
        }
    }

    private static KehuTestHost host(int smtpPort) {
        return KehuTestHost.builder().plugin(PluginUnderTest.fromBuild())
                .property("spring.mail.host", "127.0.0.1")
                .property("spring.mail.port", String.valueOf(smtpPort))
                .property("spring.mail.properties.mail.smtp.connectiontimeout", "3000")
                .property("spring.mail.properties.mail.smtp.timeout", "3000")
                .property("kehu.public-url", "https://crm.example.com/")
                .start();
    }

    private static RecordData mail(PluginContext context, String campaign) {
        return context.records().search(MailOutbox.FORM)
                .where("campaign", io.kehu.sdk.records.FilterOperator.EQUALS, campaign).list().getFirst();
    }
}
