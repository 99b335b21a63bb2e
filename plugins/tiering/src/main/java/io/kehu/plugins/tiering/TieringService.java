package io.kehu.plugins.tiering;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.BatchResult;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The plugin's one piece of state: the last dry run (waiting to be applied) and the evaluation or apply running in
 * the background for the admin screen, with its progress and a cancel flag. One per started plugin, kept in the
 * plugin's service registry (no static state: a disable or upgrade starts afresh, and the old class loader can go).
 */
final class TieringService implements AutoCloseable {

    private final PluginContext context;
    private volatile Preview preview;
    private volatile Run run;

    private TieringService(PluginContext context) {
        this.context = context;
    }

    /** The running plugin's service (created on first use). */
    static TieringService of(PluginContext context) {
        return context.services().get(TieringService.class, () -> new TieringService(context));
    }

    /** The plugin stops: a background run is told to stop. */
    @Override
    public void close() {
        Run current = run;
        if (current != null) {
            current.cancel();
        }
    }

    TieringSettings settings() {
        return new TieringSettings(context);
    }

    /** A dry run of the active scheme over {@code period}, on this thread; kept as the preview to apply. */
    Preview evaluate(Period period, Progress progress, BooleanSupplier cancelled) {
        Preview result = new TierEvaluator(context).evaluate(settings().activeScheme(), period, progress, cancelled);
        this.preview = result;
        return result;
    }

    /** Applies {@code dryRun} on this thread, on behalf of {@code username} ({@code null}: the plugin itself). */
    BatchResult apply(Preview dryRun, String username, Progress progress, BooleanSupplier cancelled) {
        BatchResult result = new TierApplier(context).apply(dryRun, username, progress, cancelled);
        if (dryRun == preview) {
            preview = null;
        }
        return result;
    }

    /** The scheduled evaluation: the last completed period, once; returns what it did. */
    String evaluateLastPeriod(LocalDate today, Progress progress, BooleanSupplier cancelled) {
        TieringSettings settings = settings();
        Period period = Period.lastCompleted(settings.periodKind(), today);
        String key = settings.activeScheme().id() + "@" + period.key();
        if (key.equals(settings.lastApplied())) {
            return "already applied " + key;
        }
        Preview dryRun = evaluate(period, progress, cancelled);
        BatchResult result = apply(dryRun, null, progress, cancelled);
        settings.lastApplied(key);
        return "applied " + key + ": " + result.updated() + " customers changed level";
    }

    Preview preview() {
        return preview;
    }

    Run run() {
        return run;
    }

    /** Starts a dry run in the background unless something is running. */
    synchronized Run startEvaluation(Period period) {
        return start("evaluate", r -> evaluate(period, r, r::cancelled));
    }

    /** Starts applying the current preview in the background, on behalf of {@code username}. */
    synchronized Run startApply(String username) {
        Preview dryRun = preview;
        if (dryRun == null) {
            throw new IllegalStateException("There is no dry run to apply");
        }
        return start("apply", r -> apply(dryRun, username, r, r::cancelled));
    }

    private Run start(String what, java.util.function.Consumer<Run> work) {
        if (run != null && !run.finished()) {
            throw new IllegalStateException("An evaluation is already running");
        }
        Run started = new Run(what);
        run = started;
        Thread thread = new Thread(() -> {
            try {
                work.accept(started);
                started.finish(null);
            } catch (RuntimeException e) {
                context.logger().warn("tiering {} failed: {}", what, e.toString());
                started.finish(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }, "tiering-" + what);
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** A background evaluation or apply. */
    static final class Run implements Progress {
        private final String what;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile long done;
        private volatile long total;
        private volatile String note = "";
        private volatile boolean finished;
        private volatile String error;

        Run(String what) {
            this.what = what;
        }

        @Override
        public void report(long done, long total, String note) {
            this.done = done;
            this.total = total;
            this.note = note;
        }

        void cancel() {
            cancelled.set(true);
        }

        boolean cancelled() {
            return cancelled.get();
        }

        void finish(String error) {
            this.error = error;
            this.finished = true;
        }

        String what() {
            return what;
        }

        boolean finished() {
            return finished;
        }

        String error() {
            return error;
        }

        double fraction() {
            return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        }

        String note() {
            return note;
        }
    }
}
