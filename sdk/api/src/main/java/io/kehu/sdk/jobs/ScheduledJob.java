package io.kehu.sdk.jobs;

import org.pf4j.ExtensionPoint;

/**
 * Work the platform runs on a schedule while the plugin is started. Each due run happens once even when several
 * application nodes share the database: the node that takes the job's lock row runs it, the others skip that run.
 * A run reports its progress through {@link JobRun}; an exception ends the run and is shown as its result. A job on a
 * fixed cron schedule can extend {@link CronJob} and write only its run.
 *
 * <pre>{@code
 * @Extension
 * public class NightlyTiering implements ScheduledJob {
 *     private final PluginContext context;
 *     public NightlyTiering(PluginContext context) { this.context = context; }
 *     public String id() { return "nightly-tiering"; }
 *     public Schedule schedule() { return Schedule.cron("0 0 2 * * *"); }
 *     public void run(JobRun run) {
 *         List<RecordData> customers = context.records().search("customer").limit(1000).list();
 *         for (int i = 0; i < customers.size(); i++) { ...; run.progress(i + 1, customers.size(), ""); }
 *     }
 * }
 * }</pre>
 */
public interface ScheduledJob extends ExtensionPoint {

    /** Unique within the plugin: {@code [a-z][a-z0-9-]*}. */
    String id();

    /** When to run. */
    Schedule schedule();

    /** One run. Check {@link JobRun#cancelled()} in long loops: it turns true when the plugin stops. */
    void run(JobRun run) throws Exception;
}
