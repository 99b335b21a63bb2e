package io.kehu.plugins.survey;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.CronJob;
import io.kehu.sdk.jobs.JobRun;
import java.time.LocalDate;
import org.pf4j.Extension;

/**
 * Every morning at 09:00 — after the tiering plugin's nightly run (01:30) — looks for a tiering period not reviewed
 * yet and sends the yearly tier review's links ({@link TierReview}); on other days it finds nothing to do.
 */
@Extension
public class TierReviewJob extends CronJob {

    static final String ID = "tier-review";

    public TierReviewJob(PluginContext context) {
        super(context, ID, "0 0 9 * * *");
    }

    @Override
    public void run(JobRun run) {
        TierReview.Outcome outcome = new TierReview(context).run(LocalDate.now());
        run.progress(1, 1, outcome.period() == null ? "no new tiering period"
                : "period " + outcome.period() + ": " + outcome.sent() + " links, " + outcome.skipped()
                        + " already reviewed this year");
    }
}
