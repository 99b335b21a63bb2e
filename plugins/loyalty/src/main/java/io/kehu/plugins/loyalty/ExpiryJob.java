package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobRun;
import io.kehu.sdk.jobs.Schedule;
import io.kehu.sdk.jobs.ScheduledJob;
import java.time.LocalDate;
import org.pf4j.Extension;

/** Every night: expires lots past their date and sends the expiry notices (once per run across nodes). */
@Extension
public class ExpiryJob implements ScheduledJob {

    private final PluginContext context;

    public ExpiryJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "expire";
    }

    @Override
    public Schedule schedule() {
        return Schedule.cron("0 30 2 * * *");
    }

    @Override
    public void run(JobRun run) {
        Expiry.Result result = new Expiry(context, new Ledger(context)).run(LocalDate.now());
        run.progress(1, 1, result.expiredPoints() + " points expired, " + result.notices() + " notices");
    }
}
