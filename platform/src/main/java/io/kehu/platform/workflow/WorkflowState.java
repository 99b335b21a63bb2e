package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.util.Set;

/**
 * One state of a workflow; its id is a value of the form's status field.
 *
 * @param id the status value, e.g. {@code in_progress}
 * @param label what people see, e.g. 处理中
 * @param color a colour name for badges and the diagram
 * @param initial whether new records start here (exactly one state is)
 * @param terminal whether the workflow ends here (no transitions leave it)
 * @param editable the fields people may change while a record is here; null means every field the form lets them
 * @param sla the time a record may stay here, or null
 * @param pausesSla whether the SLA clock of the workflow stops while a record is here (e.g. waiting for the customer)
 */
public record WorkflowState(String id, LocalizedText label, String color, boolean initial, boolean terminal,
        Set<String> editable, Sla sla, boolean pausesSla) {

    public WorkflowState {
        editable = editable == null ? null : Set.copyOf(editable);
    }
}
