package io.kehu.platform.dashboards.ui;

import io.kehu.platform.metrics.KpiBreaches;
import io.kehu.platform.views.ListLinks;
import io.kehu.platform.views.TaskLinks;
import io.kehu.platform.workflow.WorkflowTask;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A KPI breach's task opens the list of the period's records behind the missed figure, with exactly the filters the
 * dashboard's card of that period links to, rather than the one record the task hangs on (tasks are about records).
 */
@Component
class KpiTaskLinks implements TaskLinks {

    private final KpiBreaches breaches;

    KpiTaskLinks(KpiBreaches breaches) {
        this.breaches = breaches;
    }

    @Override
    public Optional<String> route(WorkflowTask task) {
        if (!KpiBreaches.KIND.equals(task.kind())) {
            return Optional.empty();
        }
        return breaches.recordsBehind(task.id()).map(behind -> ListLinks.filtered(behind.formId(),
                behind.filters()));
    }
}
