package io.kehu.plugins.hello;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.jobs.JobRun;
import io.kehu.sdk.jobs.Schedule;
import io.kehu.sdk.jobs.ScheduledJob;
import java.time.Duration;
import org.pf4j.Extension;

/** Counts the greetings every hour and reports the figure as the job's progress. */
@Extension
public class GreetingCount implements ScheduledJob {

    private final PluginContext context;

    public GreetingCount(PluginContext context) {
        this.context = context;
    }

    @Override
    public String id() {
        return "greeting-count";
    }

    @Override
    public Schedule schedule() {
        return Schedule.every(Duration.ofHours(1));
    }

    @Override
    public void run(JobRun run) {
        int count = context.records().search(HelloForms.FORM).limit(1000).list().size();
        run.progress(count, count, "greetings counted");
    }
}
