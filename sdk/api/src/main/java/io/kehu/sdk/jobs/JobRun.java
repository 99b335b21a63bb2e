package io.kehu.sdk.jobs;

/** One run of a {@link ScheduledJob}: where it reports progress and learns that it should stop. */
public interface JobRun {

    /** Reports progress, shown on the Plugins screen: {@code done} of {@code total} items, with a short note. */
    void progress(long done, long total, String note);

    /** Whether the plugin is stopping: finish quickly. */
    boolean cancelled();
}
