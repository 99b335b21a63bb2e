package io.kehu.platform.metrics;

import io.kehu.platform.security.Actor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes the snapshot of every metric's last closed period as soon as it closes (a month-end job for monthly metrics),
 * so that last month's figure is stored as it stood at the close — not whenever a manager first happens to open the
 * dashboard, after records of that month may have been backdated or corrected. Runs every hour like the KPI check, in
 * the server's time zone; {@link Metrics#snapshot} stores a period once ({@code INSERT … ON CONFLICT DO NOTHING}), so
 * later runs, other nodes and a viewer asking first all leave the first figure in place.
 */
@Component
public class ClosedPeriodSnapshots {

    private static final Logger log = LoggerFactory.getLogger(ClosedPeriodSnapshots.class);
    private static final Actor JOB = Actor.system("metric-snapshots");

    private final Metrics metrics;

    ClosedPeriodSnapshots(Metrics metrics) {
        this.metrics = metrics;
    }

    /** The scheduled run over the metrics in force (shipped and plugins'). */
    @Scheduled(fixedDelayString = "${kehu.metrics.snapshot-interval:PT1H}", initialDelay = 120_000)
    public void takeAll() {
        ZoneId zone = ZoneId.systemDefault();
        take(metrics.definitions(), LocalDate.now(zone), zone);
    }

    /**
     * Snapshots, for each of {@code definitions} with a time field, the period of its grain that ended last before
     * {@code today} — a grouped metric also per group; returns the (ungrouped) snapshots (newly stored or already there). A metric that cannot be computed (e.g. its
     * form was withdrawn) is logged and the others still run.
     */
    public List<MetricSnapshot> take(List<MetricDefinition> definitions, LocalDate today, ZoneId zone) {
        List<MetricSnapshot> taken = new ArrayList<>();
        for (MetricDefinition metric : definitions) {
            if (metric.time() == null) {
                continue; // a figure about "now" has no closed periods
            }
            Period closed = Period.of(today, metric.time().grain()).previous();
            try {
                metrics.snapshot(JOB, metric, closed, zone, today).ifPresent(taken::add);
                if (!metric.groupBy().isEmpty()) {
                    metrics.snapshotGroups(metric, closed, zone, today);
                }
            } catch (RuntimeException e) {
                log.warn("Snapshot of metric {} for {} could not be taken; the next run tries again", metric.id(),
                        closed, e);
            }
        }
        return taken;
    }
}
