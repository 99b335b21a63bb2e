package io.kehu.plugins.churn;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.CronJob;
import io.kehu.sdk.jobs.JobRun;
import java.time.LocalDate;
import org.pf4j.Extension;

/** Re-scores every customer each night at 02:30, with progress; cancelling (the plugin stops) writes nothing. */
@Extension
public class ChurnJob extends CronJob {

    static final String ID = "score";

    public ChurnJob(PluginContext context) {
        super(context, ID, "0 30 2 * * *");
    }

    @Override
    public void run(JobRun run) {
        ChurnService.Outcome outcome = ChurnService.of(context).scoreAll(LocalDate.now(), null, run::progress,
                run::cancelled);
        String note = outcome.customers() + " customers, " + outcome.high() + " high, " + outcome.written()
                + " written, " + outcome.tasks() + " tasks";
        context.logger().info("churn scoring: {}", note);
        run.progress(outcome.customers(), outcome.customers(), note);
    }
}
