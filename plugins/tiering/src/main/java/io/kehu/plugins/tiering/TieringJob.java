package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobRun;
import io.kehu.sdk.jobs.Schedule;
import io.kehu.sdk.jobs.ScheduledJob;
import java.time.LocalDate;
import org.pf4j.Extension;

/**
 * The scheduled evaluation: every night at 01:30 it checks whether a period ended; the first night after a period's
 * end it evaluates that period with the active scheme and applies the result (once: the period and scheme are
 * remembered). Cancelling (stopping the plugin) rolls the apply back.
 */
@Extension
public class TieringJob implements ScheduledJob {

    static final String ID = "evaluate";

    private final PluginContext context;

    public TieringJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Schedule schedule() {
        return Schedule.cron("0 30 1 * * *");
    }

    @Override
    public void run(JobRun run) {
        String outcome = TieringService.of(context).evaluateLastPeriod(LocalDate.now(), run::progress, run::cancelled);
        context.logger().info("tiering job: {}", outcome);
        run.progress(1, 1, outcome.length() > 120 ? outcome.substring(0, 120) : outcome);
    }
}
