package io.kehu.plugins.churn;

/** Where a long run is: {@code done} of {@code total} and what it is doing ({@link io.kehu.sdk.jobs.JobRun#progress}). */
@FunctionalInterface
interface Progress {
    Progress NONE = (done, total, note) -> { };

    void report(long done, long total, String note);
}
