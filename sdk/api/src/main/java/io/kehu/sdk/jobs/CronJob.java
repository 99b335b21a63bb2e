package io.kehu.sdk.jobs;

import io.kehu.sdk.PluginContext;

/**
 * A {@link ScheduledJob} on a fixed cron schedule, for the common case: the job's id, its schedule and the plugin's
 * context are given once to the constructor, so a job class says only what one run does. PF4J still needs one
 * {@code @Extension} class per job; this keeps each of them to its run.
 *
 * <pre>{@code
 * @Extension
 * public class NightlyTiering extends CronJob {
 *     public NightlyTiering(PluginContext context) { super(context, "nightly-tiering", "0 0 2 * * *"); }
 *     public void run(JobRun run) {
 *         List<RecordData> customers = context.records().search("customer").limit(1000).list();
 *         ...
 *     }
 * }
 * }</pre>
 */
public abstract class CronJob implements ScheduledJob {

    /** The plugin's context, for the run. */
    protected final PluginContext context;
    private final String id;
    private final Schedule schedule;

    /**
     * @param context the plugin's context (the job's own constructor receives it)
     * @param id      unique within the plugin: {@code [a-z][a-z0-9-]*}
     * @param cron    when to run, as {@link Schedule#cron}
     */
    protected CronJob(PluginContext context, String id, String cron) {
        this.context = context;
        this.id = id;
        this.schedule = Schedule.cron(cron);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Schedule schedule() {
        return schedule;
    }
}
