package io.kehu.platform.webhooks.outbox;

import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.Records;
import io.kehu.platform.rules.RuleEngine;
import io.kehu.platform.rules.RuleRun;
import io.kehu.platform.security.Actor;
import io.kehu.platform.webhooks.WebhookEndpoint;
import io.kehu.platform.webhooks.endpoints.EndpointStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * event, is logged, and its reason is kept on the endpoint for the console. It runs inside a savepoint, so that even
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
     * The ids of those {@code candidates} whose rule holds for the record (those without a rule, and every one for an
     * event about no record, pass). A deleted record can no longer be read: its deletion passes unchecked.
     */
    List<Long> filter(List<WebhookEndpoint> candidates, String formId, Long recordId, Instant now) {
        List<Long> to = new ArrayList<>(candidates.size());
        Optional<Record> record = null;
        for (WebhookEndpoint endpoint : candidates) {
            if (endpoint.rule() == null || recordId == null) {
                to.add(endpoint.id());
                continue;
            }
            if (record == null) {
                record = records.get(PLATFORM, formId, recordId);
            }
            if (record.isEmpty() || holds(endpoint, formId, record.get(), now)) {
                to.add(endpoint.id());
            }
        }
        return to;
    }

    private boolean holds(WebhookEndpoint endpoint, String formId, Record record, Instant now) {
        Optional<FormDefinition> form = forms.published(formId);
        if (form.isEmpty()) {
            return failed(endpoint, "form " + formId + " is not published", now);
        }
        RuleRun run;
        try {
            run = savepoint.execute(status -> {
                RuleRun tried = rules.tryRule(form.get(), endpoint.rule(), record.values().asMap(), record.id(),
                        PLATFORM);
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
