package io.kehu.plugins.churn;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordAction;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.workflows.TaskRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * A churn case's improvement actions (form {@code churn_action}, any number per case, each with its responsible
 * department, a named owner and a due date; they show as a tab on the case): a new action gives its owner a task due
 * on the action's date, so the improvement is tracked in 我的待办 like the case itself.
 */
@Extension
public class ChurnActions implements RecordListener {

    static final String FORM = "churn_action";
    static final String TASK = "churn_action";

    private final PluginContext context;

    public ChurnActions(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return FORM.equals(formId);
    }

    @Override
    public void afterSave(RecordEvent event) {
        if (event.action() != RecordAction.CREATE) {
            return;
        }
        Optional<RecordData> action = context.records().get(FORM, event.id());
        Optional<String> owner = action.map(a -> a.get("owner")).filter(Number.class::isInstance)
                .flatMap(id -> context.workflows().enabledUsername(((Number) id).longValue()));
        if (action.isEmpty() || owner.isEmpty()) {
            return;
        }
        String what = String.valueOf(action.get().get("action"));
        LocalDate due = (LocalDate) action.get().get("due_on");
        LocalText title = LocalText.of(context.messages().get("action.task", Locale.SIMPLIFIED_CHINESE, what),
                context.messages().get("action.task", Locale.ENGLISH, what));
        context.workflows().createTask(new TaskRequest(FORM, event.id(), TASK, title, owner.get(),
                due.atTime(LocalTime.of(18, 0)).atZone(ZoneId.systemDefault()).toInstant()));
    }

    /** Actions in all, still open, and open past their due date. */
    record Counts(long total, long open, long late) {
    }

    static Counts counts(PluginContext context) {
        if (context.definitions().form(FORM).isEmpty()) {
            return new Counts(0, 0, 0);
        }
        long[] byStatus = new long[2];
        context.recordsOfCurrentUser().aggregate(FORM).groupBy("status").count().forEach(row -> {
            byStatus[0] += row.count();
            if ("open".equals(row.group("status"))) {
                byStatus[1] += row.count();
            }
        });
        long late = context.recordsOfCurrentUser().aggregate(FORM).where("status", FilterOperator.EQUALS, "open")
                .where("due_on", FilterOperator.LESS, LocalDate.now()).count().list().getFirst().count();
        return new Counts(byStatus[0], byStatus[1], late);
    }
}
