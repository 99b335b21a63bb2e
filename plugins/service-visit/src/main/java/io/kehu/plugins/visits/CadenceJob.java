package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.CronJob;
import io.kehu.sdk.jobs.JobRun;
import java.time.LocalDate;
import org.pf4j.Extension;

/** Every morning at 06:10: books the scheduled visits that fall due within the horizon (see {@link CadencePlanner}). */
@Extension
public class CadenceJob extends CronJob {

    static final String ID = "plan-cadence";

    public CadenceJob(PluginContext context) {
        super(context, ID, "0 10 6 * * *");
    }

    @Override
    public void run(JobRun run) {
        CadencePlanner.Outcome outcome = new CadencePlanner(context).plan(LocalDate.now(Texts.ZONE));
        outcome.problems().forEach(p -> context.logger().warn("cadence: {}", p));
        run.progress(1, 1, "booked " + outcome.booked() + ", problems " + outcome.problems().size());
    }
}
