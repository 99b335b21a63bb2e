package io.kehu.platform.notifications.mail;

import io.kehu.platform.i18n.ProblemTexts;
import io.kehu.platform.notifications.NotificationMails;
import io.kehu.platform.notifications.NotificationMails.Pending;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails the bell's notifications (a new task, a deadline, a workflow message) to users who gave an address and want
 * them, through the SMTP server configured with Spring Boot's {@code spring.mail.*} settings (Spring Mail's
 * {@link JavaMailSender}); without one nothing is mailed and the bell stays the only channel. Mail leaves after its
 * notification committed, from the notification rows themselves ({@link NotificationMails}), polled every few seconds,
 * so a slow or absent mail server never slows a save or loses a notice: a failed attempt is retried with growing
 * pauses (1, 5, 30 minutes, 2 hours) and then given up, and each user reads the mail in their own language.
 */
@Component
public class MailNotices {

    /** Attempts per notification before giving up. */
    static final int MAX_ATTEMPTS = 5;
    private static final List<Duration> PAUSES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    /** How long a claimed mail may take before another node may send it again. */
    private static final Duration CLAIM = Duration.ofMinutes(5);
    /** Older notifications are not mailed (e.g. after an address is added, or a long outage): the bell has them. */
    private static final Duration FRESH = Duration.ofDays(1);
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(MailNotices.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final NotificationMails mails;
    private final String from;
    private final String baseUrl;
    private final boolean poll;
    private final Clock clock = Clock.systemUTC();

    MailNotices(ObjectProvider<JavaMailSender> senders, NotificationMails mails,
            @Value("${kehu.mail.from:Kehu <kehu@localhost>}") String from,
            @Value("${kehu.public-url:http://localhost:8080}") String baseUrl,
            @Value("${kehu.notifications.mail.poll:true}") boolean poll) {
        this.senders = senders;
        this.mails = mails;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.poll = poll;
    }

    /** Whether an SMTP server is configured, so notices can be mailed at all. */
    public boolean configured() {
        return senders.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${kehu.notifications.mail.poll-interval:PT10S}", initialDelay = 20_000)
    void poll() {
        if (!poll) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Notice mails could not be sent this round; trying again shortly", e);
        }
    }

    /** Sends the mails due now; returns how many went out. */
    public int sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        for (Pending pending : mails.due(now, now.minus(FRESH), BATCH)) {
            if (!mails.claim(pending, now.plus(CLAIM))) {
                continue; // another node has it
            }
            try {
                sender.send(message(pending));
                mails.sent(pending.id());
                sent++;
            } catch (MailException e) {
                int attempts = pending.attempts() + 1;
                Instant retry = attempts >= MAX_ATTEMPTS ? null : now.plus(PAUSES.get(Math.min(attempts, PAUSES.size())
                        - 1));
                mails.failed(pending.id(), retry);
                log.warn("Notice mail {} to user {} failed (attempt {} of {}): {}", pending.id(), pending.userId(),
                        attempts, MAX_ATTEMPTS, e.getMessage());
            }
        }
        return sent;
    }

    private SimpleMailMessage message(Pending pending) {
        Locale locale = pending.languageTag() != null && pending.languageTag().startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
        String title = locale == Locale.ENGLISH ? pending.titleEn() : pending.titleZh();
        String link = pending.formId() == null || pending.recordId() == null ? baseUrl + "/"
                : baseUrl + "/forms/" + pending.formId() + "/" + pending.recordId();
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(pending.email());
        message.setSubject(text("notifications.mail.subject", locale, title));
        message.setText(text("notifications.mail.body", locale, pending.displayName(), title, link,
                baseUrl + "/account"));
        return message;
    }

    private static String text(String key, Locale locale, String... args) {
        return ProblemTexts.format("i18n.notifications", key, locale, List.of(args));
    }
}
