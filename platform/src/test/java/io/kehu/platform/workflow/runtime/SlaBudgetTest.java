package io.kehu.platform.workflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.calendar.BusinessCalendar;
import io.kehu.platform.calendar.BusinessCalendars;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.workflow.Sla;
import io.kehu.platform.workflow.WorkflowDefinition;
import io.kehu.platform.workflow.WorkflowState;
import io.kehu.platform.workflow.WorkflowStep;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SLA pauses: a complaint 处理中 (48 h) that waits for the customer keeps the time it already used instead of starting
 * again, in clock time and in working time, and a stay elsewhere starts the clock afresh.
 */
class SlaBudgetTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final BusinessCalendar CALENDAR = BusinessCalendars.chinaMainland();

    private static WorkflowState state(String id, Sla sla, boolean pauses, boolean initial) {
        return new WorkflowState(id, LocalizedText.of(id, id), "blue", initial, false, null, sla, pauses);
    }

    private static WorkflowDefinition workflow(boolean workingTime, boolean withPause) {
        Sla handling = new Sla(Duration.ofHours(48), workingTime, null, Set.of());
        List<WorkflowState> states = new ArrayList<>(List.of(
                state("new", new Sla(Duration.ofHours(4), workingTime, null, Set.of()), false, true),
                state("in_progress", handling, false, false),
                state("waiting_customer", null, withPause, false),
                state("escalated", null, false, false)));
        return new WorkflowDefinition("complaints", LocalizedText.of("投诉", "Complaints"), "feedback", "status",
                "cn-mainland", states, List.of(), List.of());
    }

    private static WorkflowStep step(String from, String to, Instant at) {
        return new WorkflowStep("complaints", from + "_" + to, from, to, null, 1L, "staff", at);
    }

    private static Instant at(int day, int hour) {
        return LocalDateTime.of(2026, 3, day, hour, 0).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aPauseKeepsTheTimeAlreadyUsedInClockTime() {
        WorkflowDefinition workflow = workflow(false, true);
        WorkflowState handling = workflow.state("in_progress").orElseThrow();
        Instant created = at(2, 9);
        List<WorkflowStep> before = List.of(step("new", "in_progress", at(2, 10)),
                step("in_progress", "waiting_customer", at(2, 20)));
        // 10 hours used before waiting three days for the customer: 38 hours are left from the return.
        Instant back = at(5, 20);
        assertThat(SlaBudget.deadline(workflow, CALENDAR, handling, before, created, back))
                .isEqualTo(back.plus(Duration.ofHours(38)));
    }

    @Test
    void withoutAPausingStateTheClockStartsAgain() {
        WorkflowDefinition workflow = workflow(false, false);
        WorkflowState handling = workflow.state("in_progress").orElseThrow();
        List<WorkflowStep> before = List.of(step("new", "in_progress", at(2, 10)),
                step("in_progress", "waiting_customer", at(2, 20)));
        Instant back = at(5, 20);
        assertThat(SlaBudget.deadline(workflow, CALENDAR, handling, before, at(2, 9), back))
                .isEqualTo(back.plus(Duration.ofHours(48)));
    }

    @Test
    void aStayInAStateThatDoesNotPauseStartsTheClockAfresh() {
        WorkflowDefinition workflow = workflow(false, true);
        WorkflowState handling = workflow.state("in_progress").orElseThrow();
        List<WorkflowStep> before = List.of(step("new", "in_progress", at(2, 10)),
                step("in_progress", "escalated", at(2, 20)),
                step("escalated", "waiting_customer", at(3, 9)));
        Instant back = at(4, 9);
        assertThat(SlaBudget.deadline(workflow, CALENDAR, handling, before, at(2, 9), back))
                .isEqualTo(back.plus(Duration.ofHours(48)));
    }

    @Test
    void severalPausesAddUpTheStaysAndAnUsedUpBudgetIsDueAtOnce() {
        WorkflowDefinition workflow = workflow(false, true);
        WorkflowState handling = workflow.state("in_progress").orElseThrow();
        List<WorkflowStep> before = List.of(step("new", "in_progress", at(2, 0)),
                step("in_progress", "waiting_customer", at(3, 0)),
                step("waiting_customer", "in_progress", at(4, 0)),
                step("in_progress", "waiting_customer", at(4, 20)));
        // 24 h + 20 h used: 4 h left.
        assertThat(SlaBudget.deadline(workflow, CALENDAR, handling, before, at(1, 23), at(9, 8)))
                .isEqualTo(at(9, 12));
        List<WorkflowStep> longer = new ArrayList<>(before);
        longer.add(step("waiting_customer", "in_progress", at(10, 0)));
        longer.add(step("in_progress", "waiting_customer", at(10, 10)));
        assertThat(SlaBudget.deadline(workflow, CALENDAR, handling, longer, at(1, 23), at(12, 8)))
                .isEqualTo(at(12, 8));
    }

    @Test
    void theInitialStateCountsFromCreationInWorkingTime() {
        WorkflowDefinition workflow = workflow(true, true);
        WorkflowState fresh = workflow.state("new").orElseThrow();
        // Monday 2 March 2026: created 09:00, waiting for the customer from 10:00 (1 working hour used of 4).
        List<WorkflowStep> before = List.of(step("new", "waiting_customer", at(2, 10)));
        Instant back = at(3, 9); // Tuesday 09:00
        Instant due = SlaBudget.deadline(workflow, CALENDAR, fresh, before, at(2, 9), back);
        assertThat(CALENDAR.workingTimeBetween(back, due)).isEqualTo(Duration.ofHours(3));
        assertThat(due).isEqualTo(CALENDAR.plusWorkingTime(back, Duration.ofHours(3)));
    }
}
