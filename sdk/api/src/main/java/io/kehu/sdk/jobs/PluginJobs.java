package io.kehu.sdk.jobs;

import java.util.List;
import java.util.Optional;

/** The plugin's own scheduled jobs. */
public interface PluginJobs {

    /** The last known state of job {@code jobId} (shared by all application nodes). */
    Optional<JobStatus> status(String jobId);

    /** Every job of the plugin with its state. */
    List<JobStatus> all();

    /** Runs the job now, in the background, unless a run is already going on somewhere. */
    void runNow(String jobId);
}
