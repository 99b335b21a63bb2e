package io.kehu.sdk.jobs;

import java.time.OffsetDateTime;

/**
 * What the platform knows about a job's runs.
 *
 * @param jobId the job
 * @param running whether a run holds the lock right now
 * @param lastStarted when the last run started, or {@code null}
 * @param lastFinished when the last run finished, or {@code null}
 * @param lastResult {@code ok} or the error of the last run, or {@code null}
 * @param done progress: items done
 * @param total progress: items in all (0 when unknown)
 * @param note progress: the last note
 */
public record JobStatus(String jobId, boolean running, OffsetDateTime lastStarted, OffsetDateTime lastFinished,
                        String lastResult, long done, long total, String note) {
}
