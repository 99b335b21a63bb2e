package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobRun;
import io.kehu.sdk.jobs.Schedule;
import io.kehu.sdk.jobs.ScheduledJob;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Every 30 minutes: marks the visits that are past their booked end and still booked, confirmed or on site with
 * {@code overdue_since} (their booked end), and clears the mark of those moved to a later time or done. A metric
 * measures fields and a list filter cannot say "before now" — the complaint process keeps its overdue mark the same
 * way — so the dashboard's 逾期未完成的上门 per person ({@code visits_overdue}) counts the marked active visits.
 */
@Extension
public class OverdueMarker implements ScheduledJob {

    static final String ID = "mark-overdue";
    private static final int BATCH = 500;

    private final PluginContext context;

    public OverdueMarker(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(30));
    }

    @Override
    public void run(JobRun run) {
        int[] changed = mark(OffsetDateTime.now());
        run.progress(1, 1, "marked " + changed[0] + ", cleared " + changed[1]);
    }

    /** Marks and clears as of {@code now}; returns how many were marked and how many cleared. */
    int[] mark(OffsetDateTime now) {
        int marked = 0;
        for (RecordData visit : context.records().search(VisitForms.VISIT)
                .where("status", FilterOperator.IN, VisitStatus.ACTIVE.toArray())
                .where("planned_end", FilterOperator.LESS, now)
                .where("overdue_since", FilterOperator.IS_EMPTY)
                .fields("planned_end").limit(BATCH).list()) {
            marked += set(visit, visit.get("planned_end")) ? 1 : 0;
        }
        int cleared = 0;
        for (RecordData visit : context.records().search(VisitForms.VISIT)
                .where("overdue_since", FilterOperator.IS_NOT_EMPTY)
                .fields("status", "planned_end").limit(BATCH).list()) {
            boolean active = VisitStatus.of(visit.get("status")).map(VisitStatus::active).orElse(false);
            if (!active || !((OffsetDateTime) visit.get("planned_end")).isBefore(now)) {
                cleared += set(visit, null) ? 1 : 0;
            }
        }
        return new int[] {marked, cleared};
    }

    private boolean set(RecordData visit, Object since) {
        Map<String, Object> changes = new HashMap<>();
        changes.put("overdue_since", since);
        try {
            context.records().update(VisitForms.VISIT, visit.id(), visit.rowVersion(), changes);
            return true;
        } catch (RecordException e) {
            // changed meanwhile (a step, a reschedule): the next run sees it as it is then
            context.logger().info("overdue mark of visit {} skipped: {}", visit.id(), e.getMessage());
            return false;
        }
    }
}
