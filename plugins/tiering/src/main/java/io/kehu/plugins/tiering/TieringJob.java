package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.CronJob;
import io.kehu.sdk.jobs.JobRun;
import java.time.LocalDate;
import org.pf4j.Extension;

/**
 * The scheduled evaluation: every night at 01:30 it checks whether a period ended; the first night after a period's
 * end it evaluates that period with the active scheme and applies the result (once: the period and scheme are
 * remembered). Cancelling (stopping the plugin) rolls the apply back.
 */
@Extension
public class TieringJob extends CronJob {

    static final String ID = "evaluate";

    public TieringJob(PluginContext context) {
        super(context, ID, "0 30 1 * * *");
    }

    @Override
    public void run(JobRun run) {
        String outcome = TieringService.of(context).evaluateLastPeriod(LocalDate.now(), run::progress, run::cancelled);
        context.logger().info("tiering job: {}", outcome);
        run.progress(1, 1, outcome.length() > 120 ? outcome.substring(0, 120) : outcome);
    }
}
