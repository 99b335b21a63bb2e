package io.kehu.platform.webhooks.outbox;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.ProblemTexts;
import io.kehu.platform.notifications.Notifications;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.webhooks.endpoints.EndpointStore;
import io.kehu.platform.workflow.Automation;
import io.kehu.platform.workflow.WorkflowCatalog;
import io.kehu.platform.workflow.WorkflowDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A {@code notify} naming a webhook channel that no enabled endpoint has: the notice still reaches the people it
 * names, the channel's group does not. The first time (until an enabled endpoint takes the name) every enabled
 * administrator gets an in-app alert saying which workflow or automation names it and where to set it up, and a WARN
 * line is logged; the database row that says "told already" ({@code kehu_webhook_missing_channel}, V37) is written in
 * the notice's transaction, so a rolled-back transition tells nobody and the next one tells. Each node remembers for
 * ten minutes which channels it found told already, so a workflow naming a channel nobody means to set up costs no
 * write per notice.
 */
@Component
class MissingChannels {

    private static final Logger log = LoggerFactory.getLogger(MissingChannels.class);
    static final String ALERT_KIND = "webhook_channel_missing";
    private static final String AUTOMATION = "automation:";

    private final EndpointStore endpoints;
    private final Notifications notifications;
    private final UserAccounts accounts;
    private final WorkflowCatalog workflows;
    private final Cache<String, Boolean> told = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(10_000).build();

    MissingChannels(EndpointStore endpoints, Notifications notifications, UserAccounts accounts,
            WorkflowCatalog workflows) {
        this.endpoints = endpoints;
        this.notifications = notifications;
        this.accounts = accounts;
        this.workflows = workflows;
    }

    /** {@code namedBy} (a workflow id or {@code automation:<id>}) notified {@code channel}, which no endpoint serves. */
    void named(String channel, String namedBy, Instant now) {
        if (told.getIfPresent(channel) != null) {
            return;
        }
        if (!endpoints.channelMissing(channel, namedBy, now)) {
            told.put(channel, Boolean.TRUE); // told before (here or on another node)
            return;
        }
        LocalizedText source = labelOf(namedBy);
        log.warn("{} notifies webhook channel '{}', but no enabled endpoint has that name; administrators are told "
                + "once: give an endpoint that channel name in 管理 → Webhook to receive it", namedBy, channel);
        LocalizedText text = LocalizedText.of(alert(Locale.SIMPLIFIED_CHINESE, source, channel),
                alert(Locale.ENGLISH, source, channel));
        accounts.findAll().stream().filter(UserAccount::enabled).filter(u -> u.hasRole(Role.ADMIN))
                .forEach(admin -> notifications.notify(admin.id(), ALERT_KIND, text, null, null));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    told.put(channel, Boolean.TRUE);
                }
            });
        } else {
            told.put(channel, Boolean.TRUE);
        }
    }

    /** A notice reached {@code channel}: should it go missing later, this node asks the database again. */
    void served(String channel) {
        told.invalidate(channel);
    }

    private static String alert(Locale locale, LocalizedText source, String channel) {
        return ProblemTexts.format("i18n.webhooks", "webhooks.channelMissingNotice", locale,
                List.of(source.in(locale), channel));
    }

    /** The label people know the workflow or automation by (its id only when it is no longer known). */
    private LocalizedText labelOf(String namedBy) {
        if (namedBy.startsWith(AUTOMATION)) {
            String id = namedBy.substring(AUTOMATION.length());
            return workflows.automations().stream().filter(a -> a.id().equals(id)).findFirst()
                    .map(Automation::label).orElse(LocalizedText.of(id, id));
        }
        return workflows.all().stream().filter(w -> w.id().equals(namedBy)).findFirst()
                .map(WorkflowDefinition::label).orElse(LocalizedText.of(namedBy, namedBy));
    }
}
