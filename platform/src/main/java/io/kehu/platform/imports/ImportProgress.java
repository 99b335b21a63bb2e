package io.kehu.platform.imports;

import java.util.concurrent.atomic.AtomicLong;

/** A running dry run or import, as the progress bar sees it; {@link #cancel()} stops it between chunks. */
public final class ImportProgress {

    private final AtomicLong rows = new AtomicLong();
    private volatile long total = -1;
    private volatile boolean cancelled;
    private final long startedNanos = System.nanoTime();

    public void rows(long done) {
        rows.set(done);
    }

    public void total(long count) {
        total = count;
    }

    public long rows() {
        return rows.get();
    }

    /** The file's data rows, or -1 while not yet counted. */
    public long total() {
        return total;
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** Done share, 0..1 (0 while the total is unknown). */
    public double fraction() {
        return total <= 0 ? 0 : Math.min(1.0, rows.get() / (double) total);
    }

    public double rowsPerSecond() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : rows.get() / seconds;
    }
}
