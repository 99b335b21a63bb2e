package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * A rule that acts on records without a state change: when a record is saved and a condition holds, or every day for
 * the records the condition holds for — key customers not contacted for a month get a task for their owner, a
 * birthday in three days gives a greetings task, a customer without purchases for half a year moves to 有流失风险.
 * Format: {@code docs/workflows.md}, files in {@code form-definitions/automations/}.
 *
 * @param id unique among automations
 * @param label what people see, e.g. in a task's origin
 * @param form the form whose records it looks at
 * @param trigger when it looks
 * @param at for {@link Trigger#DAILY}: the time of day (in the workflow calendar's zone) from which it runs
 * @param when a Groovy condition over {@code record} in the rule sandbox; null means always
 * @param once at most once per record within this period (so a daily rule does not give the same task every day), or
 *     null for every time the condition holds
 * @param actions what it does for each record: {@code setField}, {@code createTask}, {@code notify}
 */
public record Automation(String id, LocalizedText label, String form, Trigger trigger, LocalTime at, String when,
        Duration once, List<WorkflowAction> actions) {

    /** When an automation looks at records. */
    public enum Trigger {
        /** A record of the form was created. */
        CREATED,
        /** A record of the form was created or changed. */
        SAVED,
        /** Every day, over all live records of the form. */
        DAILY
    }

    public Automation {
        actions = List.copyOf(actions);
    }
}
