package io.kehu.platform.workflow.runtime;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.calendar.CompanyCalendars;
import io.kehu.platform.workflow.WorkflowDefinition;
import org.springframework.stereotype.Component;

/** The business calendar a workflow counts working time in: the company's, as its administrators edited it. */
@Component
public class WorkflowCalendars {

    private final CompanyCalendars calendars;

    WorkflowCalendars(CompanyCalendars calendars) {
        this.calendars = calendars;
    }

    /** The calendar named by {@code workflow}. */
    public BusinessCalendar of(WorkflowDefinition workflow) {
        // The catalog's reader accepts only the calendars that exist; today that is the company's one.
        BusinessCalendar company = calendars.current();
        if (!company.id().equals(workflow.calendar())) {
            throw new IllegalStateException("Workflow " + workflow.id() + " names unknown calendar "
                    + workflow.calendar());
        }
        return company;
    }
}
