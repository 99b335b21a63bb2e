package io.kehu.platform.webhooks.outbox;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.rules.RuleRun;
import io.kehu.platform.security.Actor;
import io.kehu.platform.webhooks.WebhookEndpoint;
import io.kehu.platform.webhooks.endpoints.EndpointStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An endpoint's rule filter: a Groovy condition on the record, run by the rules engine in its sandbox with the limits
 * every rule has, on the record as the change left it. It never blocks the write that caused the event: a rule that
 * does not compile (a field it names was removed), throws or hits a sandbox limit leaves that endpoint out of this
 * event, is logged, and its reason is kept on the endpoint for the console. A deletion is judged by the values the
 * record had when it was deleted. It runs inside a savepoint, so that even
 * a failed query of the rule (PostgreSQL aborts a transaction on a failed statement) cannot spoil the writer's
 * transaction.
 */
@Component
class SubscriptionRules {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRules.class);
    private static final Actor PLATFORM = Actor.system("webhooks");

    private final RuleEngine rules;
    private final FormCatalog forms;
    private final Records records;
    private final EndpointStore endpoints;
    private final TransactionTemplate savepoint;

    SubscriptionRules(RuleEngine rules, FormCatalog forms, Records records, EndpointStore endpoints,
            PlatformTransactionManager transactions) {
        this.rules = rules;
        this.forms = forms;
        this.records = records;
        this.endpoints = endpoints;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The ids of those {@code candidates} whose rule holds for the record as it is now (those without a rule, and
     * every one for an event about no record, pass).
     */
    List<Long> filter(List<WebhookEndpoint> candidates, String formId, Long recordId, Instant now) {
        return filter(candidates, formId, recordId, null, now);
    }

    /**
     * As {@link #filter(List, String, Long, Instant)}, judging by {@code values} when given instead of reading the
     * record: a deletion passes the values the record had when it was deleted (it can no longer be read).
     */
    List<Long> filter(List<WebhookEndpoint> candidates, String formId, Long recordId, Map<String, Object> values,
            Instant now) {
        List<Long> to = new ArrayList<>(candidates.size());
        Optional<Map<String, Object>> judged = values == null ? null : Optional.of(values);
        for (WebhookEndpoint endpoint : candidates) {
            if (endpoint.rule() == null || recordId == null) {
                to.add(endpoint.id());
                continue;
            }
            if (judged == null) {
                judged = records.get(PLATFORM, formId, recordId).map(r -> r.values().asMap());
            }
            // A record gone between its change and this event (not a deletion) is let through, as before.
            if (judged.isEmpty() || holds(endpoint, formId, judged.get(), recordId, now)) {
                to.add(endpoint.id());
            }
        }
        return to;
    }

    private boolean holds(WebhookEndpoint endpoint, String formId, Map<String, Object> values, long recordId,
            Instant now) {
        Optional<FormDefinition> form = forms.published(formId);
        if (form.isEmpty()) {
            return failed(endpoint, "form " + formId + " is not published", now);
        }
        RuleRun run;
        try {
            run = savepoint.execute(status -> {
                RuleRun tried = rules.tryRule(form.get(), endpoint.rule(), values, recordId, PLATFORM);
                if (!tried.ok()) {
                    status.setRollbackOnly(); // back to the savepoint: whatever the rule's queries did is undone
                }
                return tried;
            });
        } catch (RuntimeException e) {
            return failed(endpoint, e.getClass().getSimpleName() + ": " + e.getMessage(), now);
        }
        if (!run.ok()) {
            String where = run.line() > 0 ? " (" + run.line() + ":" + run.column() + ")" : "";
            return failed(endpoint, run.error() + where, now);
        }
        return DefaultTypeTransformation.castToBoolean(run.result());
    }

    private boolean failed(WebhookEndpoint endpoint, String problem, Instant now) {
        log.warn("Rule of webhook endpoint {} failed; the event is not sent to it: {}", endpoint.id(), problem);
        endpoints.ruleFailed(endpoint.id(), problem, now);
        return false;
    }
}
