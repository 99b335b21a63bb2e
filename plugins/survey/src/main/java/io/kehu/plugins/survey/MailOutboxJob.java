package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobRun;
import io.kehu.sdk.jobs.Schedule;
import io.kehu.sdk.jobs.ScheduledJob;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.pf4j.Extension;

/** Every minute (and at once after a campaign starts or a reminder round): sends the customers' mails that are due. */
@Extension
public class MailOutboxJob implements ScheduledJob {

    static final String ID = "survey-mail-outbox";

    private final PluginContext context;

    public MailOutboxJob(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofMinutes(1));
    }

    @Override
    public void run(JobRun run) {
        if (!context.mail().configured()) {
            return;
        }
        MailOutbox.Round round = new MailOutbox(context).deliverDue(OffsetDateTime.now(ZoneOffset.UTC));
        run.progress(round.sent(), round.sent() + round.retried() + round.failed(), round.sent() + " sent, "
                + round.retried() + " to retry, " + round.failed() + " given up");
    }
}
