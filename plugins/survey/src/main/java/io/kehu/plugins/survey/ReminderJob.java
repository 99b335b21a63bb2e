package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.CronJob;
import io.kehu.sdk.jobs.JobRun;
import java.time.Duration;
import org.pf4j.Extension;

/**
 * Every morning at 10:00: reminds the people looking after customers who have not answered an open campaign, once
 * the campaign is three days old and at most every three days per link (three times in all, see {@link Reminders}).
 */
@Extension
public class ReminderJob extends CronJob {

    static final String ID = "campaign-reminders";
    static final Duration QUIET = Duration.ofDays(3);

    public ReminderJob(PluginContext context) {
        super(context, ID, "0 0 10 * * *");
    }

    @Override
    public void run(JobRun run) {
        Reminders.Sent sent = new Reminders(context).remindDue(QUIET);
        run.progress(sent.customers(), sent.customers(), "reminded about " + sent.customers() + " customers in "
                + sent.notices() + " notices");
    }
}
