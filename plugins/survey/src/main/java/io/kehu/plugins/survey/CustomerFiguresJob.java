package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.CronJob;
import io.kehu.sdk.jobs.JobRun;
import java.time.OffsetDateTime;
import org.pf4j.Extension;

/**
 * Every night at 02:00: the stored CSAT/NPS of the customers ({@code survey_customer}) backfilled for those who
 * answered before the rows existed and aged out of the 365 days ({@link CustomerFigures#nightly}); idempotent.
 */
@Extension
public class CustomerFiguresJob extends CronJob {

    static final String ID = "survey-customer-figures";

    public CustomerFiguresJob(PluginContext context) {
        super(context, ID, "0 0 2 * * *");
    }

    @Override
    public void run(JobRun run) {
        CustomerFigures.Nightly done = new CustomerFigures(context).nightly(OffsetDateTime.now());
        run.progress(1, 1, done.backfilled() + " customers backfilled, " + done.aged() + " aged");
    }
}
