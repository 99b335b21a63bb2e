package io.kehu.plugins.loyalty;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.CronJob;
import io.kehu.sdk.jobs.JobRun;
import java.time.LocalDate;
import org.pf4j.Extension;

/**
 * Every night: releases pending points, expires lots past their date, sends the expiry notices (once), re-evaluates
 * programme levels and refreshes the monthly liability figures.
 */
@Extension
public class ExpiryJob extends CronJob {

    public ExpiryJob(PluginContext context) {
        super(context, "expire", "0 30 2 * * *");
    }

    @Override
    public void run(JobRun run) {
        Expiry.Result result = new Expiry(context, new Ledger(context)).run(LocalDate.now());
        new Liability(context).refresh(new Awards(context, new Ledger(context)).programme(), LocalDate.now());
        run.progress(1, 1, result.expiredPoints() + " points expired, " + result.notices() + " notices, "
                + result.levelChanges() + " level changes");
    }
}
