package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.CronJob;
import io.kehu.sdk.jobs.JobRun;
import java.time.LocalDate;
import java.time.ZoneId;
import org.pf4j.Extension;

/**
 * Every night at 01:30: totals the closed days not totalled yet ({@link Rollups}) — the first run every day since
 * the first response, later runs yesterday and the days whose responses were written since.
 */
@Extension
public class RollupJob extends CronJob {

    static final String ID = "survey-daily-totals";

    public RollupJob(PluginContext context) {
        super(context, ID, "0 30 1 * * *");
    }

    /** Totals every closed day not totalled yet, now (benchmarks, an admin's first run): "n days, m rows". */
    public String totalClosedDays() {
        ZoneId zone = ZoneId.systemDefault();
        Rollups.Built built = Rollups.build(context, zone, LocalDate.now(zone), () -> false);
        return built.days() + " days, " + built.rows() + " rows";
    }

    @Override
    public void run(JobRun run) {
        ZoneId zone = ZoneId.systemDefault();
        Rollups.Built built = Rollups.build(context, zone, LocalDate.now(zone), run::cancelled);
        run.progress(built.days(), built.days(), "totalled " + built.days() + " days in " + built.rows() + " rows");
    }
}
