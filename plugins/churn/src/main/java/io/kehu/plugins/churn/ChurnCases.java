package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.workflows.TaskRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Opens a churn case (流失客户分析, form {@code churn_case}, workflow {@code churn_case_tracking}) when a customer
 * becomes lost — the label of the settings, {@code lifecycle_stage=lost} by default — whoever or whatever changed
 * it (a person, an import, an automation). The case starts 待分析 with the account manager as its tracker, the last
 * risk score and its reasons copied in, and the tracker gets a task to analyse it. A customer with a case still
 * open gets no second one.
 */
@Extension
public class ChurnCases implements RecordListener {

    static final String TASK = "churn_analyse";
    private static final List<String> OPEN = List.of("open", "improving");

    private final PluginContext context;

    public ChurnCases(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return FeatureExtractor.CUSTOMER.equals(formId);
    }

    @Override
    public void afterSave(RecordEvent event) {
        String label = new ChurnSettings(context).label();
        String field = label.substring(0, label.indexOf('='));
        if (event.action() != RecordAction.CREATE && !event.changedFields().contains(field)) {
            return;
        }
        Optional<RecordData> customer = context.records().get(FeatureExtractor.CUSTOMER, event.id());
        Object value = customer.map(c -> c.get(field)).orElse(null);
        if (value == null || !Encoder.text(value).equals(label.substring(label.indexOf('=') + 1))) {
            return;
        }
        open(customer.get());
    }

    /** Opens the case unless one is open; returns its id, or empty when one was open already. */
    Optional<Long> open(RecordData customer) {
        boolean hasOpen = !context.records().search(ChurnForms.CASE)
                .where("customer", FilterOperator.EQUALS, customer.id())
                .where("status", FilterOperator.IN, OPEN.toArray()).limit(1).list().isEmpty();
        if (hasOpen) {
            return Optional.empty();
        }
        Map<String, Object> values = new HashMap<>();
        values.put("customer", customer.id());
        values.put("lost_on", LocalDate.now());
        Object manager = customer.get(FeatureExtractor.OWNER);
        values.put("tracker", manager);
        ChurnService.of(context).current(customer.id()).ifPresent(score -> {
            values.put("last_score", score.get("score"));
            values.put("last_reasons", score.get("reasons_zh"));
        });
        long id = context.records().create(ChurnForms.CASE, values).id();
        Optional<String> tracker = manager instanceof Number n
                ? context.workflows().enabledUsername(n.longValue()) : Optional.empty();
        tracker.ifPresent(user -> context.workflows().createTask(new TaskRequest(ChurnForms.CASE, id, TASK,
                LocalText.of(context.messages().get("case.task", java.util.Locale.SIMPLIFIED_CHINESE) + "：" + name(customer),
                        context.messages().get("case.task", java.util.Locale.ENGLISH) + ": " + name(customer)),
                user, Instant.now().plus(Duration.ofDays(10)))));
        context.logger().info("churn case {} opened for customer {}", id, customer.id());
        return Optional.of(id);
    }

    private static String name(RecordData customer) {
        Object name = customer.get("name");
        return name == null ? "#" + customer.id() : name.toString();
    }
}
