package io.kehu.platform.workflow.runtime;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.calendar.BusinessCalendars;
import io.kehu.platform.workflow.WorkflowDefinition;
import org.springframework.stereotype.Component;

/** The business calendar a workflow counts working time in. */
@Component
public class WorkflowCalendars {

    /** The calendar named by {@code workflow}. */
    public BusinessCalendar of(WorkflowDefinition workflow) {
        // The catalog's reader accepts only the calendars that exist; today that is the shipped one.
        BusinessCalendar shipped = BusinessCalendars.chinaMainland();
        if (!shipped.id().equals(workflow.calendar())) {
            throw new IllegalStateException("Workflow " + workflow.id() + " names unknown calendar "
                    + workflow.calendar());
        }
        return shipped;
    }
}
