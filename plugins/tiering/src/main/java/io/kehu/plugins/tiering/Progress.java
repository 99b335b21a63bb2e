package io.kehu.plugins.tiering;

/** Where a long evaluation or apply is: shown as a progress bar, or as the job's progress. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total, note) -> { };

    void report(long done, long total, String note);
}
