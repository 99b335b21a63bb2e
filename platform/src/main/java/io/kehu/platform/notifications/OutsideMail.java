package io.kehu.platform.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mail to outside addresses (customers) for plugins ({@code PluginMail}), through the same SMTP server and sender as
 * the notice mails ({@code mail.MailNotices}). A mail is handed to one background thread after the caller's transaction
 * commits (at once outside one): a slow server never holds a save, and a rolled-back change mails nothing. Refusals
 * are logged under the plugin's logger, not retried; a plugin that retries keeps its own outbox and sends through
 * {@link #sendNow}, which reports the outcome.
 */
@Component
public class OutsideMail {

    private static final Logger LOG = LoggerFactory.getLogger(OutsideMail.class);

    private final ObjectProvider<JavaMailSender> senders;
    private final String from;
    private final String publicUrl;
    private final ExecutorService sending = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kehu-outside-mail");
        t.setDaemon(true);
        return t;
    });

    OutsideMail(ObjectProvider<JavaMailSender> senders,
            @Value("${kehu.mail.from:Kehu <kehu@localhost>}") String from,
            @Value("${kehu.public-url:http://localhost:8080}") String publicUrl) {
        this.senders = senders;
        this.from = from;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public boolean configured() {
        return senders.getIfAvailable() != null;
    }

    public String publicUrl() {
        return publicUrl;
    }

    /** Queues the mail (see the class comment); {@code plugin} names the sender in the log. */
    public void send(String plugin, String to, String subject, String text) {
        JavaMailSender sender = sender();
        InternetAddress address = address(to, subject);
        Runnable work = () -> sending.execute(() -> deliver(sender, plugin, address, subject, text));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /**
     * Sends now, on the caller's thread (for a plugin's own outbox that retries): empty when the server took the
     * mail, else what went wrong (the server unreachable, the mail refused).
     *
     * @throws IllegalArgumentException a bad address or a blank subject; IllegalStateException: no mail server
     */
    public java.util.Optional<Exception> sendNow(String to, String subject, String text) {
        JavaMailSender sender = sender();
        InternetAddress address = address(to, subject);
        try {
            sender.send(message(sender, address, subject, text));
            return java.util.Optional.empty();
        } catch (Exception e) {
            LOG.debug("outside mail not sent now", e);
            return java.util.Optional.of(e);
        }
    }

    private JavaMailSender sender() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("No mail server is configured (spring.mail.host)");
        }
        return sender;
    }

    private static InternetAddress address(String to, String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A mail needs a subject");
        }
        try {
            return new InternetAddress(to == null ? "" : to.trim(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not an e-mail address: " + to, e);
        }
    }

    private MimeMessage message(JavaMailSender sender, InternetAddress to, String subject, String text)
            throws jakarta.mail.MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text == null ? "" : text, false);
        return message;
    }

    private void deliver(JavaMailSender sender, String plugin, InternetAddress to, String subject, String text) {
        try {
            sender.send(message(sender, to, subject, text));
        } catch (Exception e) {
            LoggerFactory.getLogger("kehu.plugin." + plugin).warn("mail to {} not sent: {}", to, e.toString());
            LOG.debug("outside mail failed", e);
        }
    }
}
