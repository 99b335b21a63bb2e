package io.kehu.platform.plugins;

import io.kehu.platform.plugins.install.PluginDescriptors;

import io.kehu.sdk.jobs.JobRun;
import io.kehu.sdk.jobs.JobStatus;
import io.kehu.sdk.jobs.Schedule;
import io.kehu.sdk.jobs.ScheduledJob;
import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs the plugins' {@link ScheduledJob}s on a small pool of its own, one lock row per job ({@link JobLocks}) so a
 * due run happens on one node only. Stopping a plugin cancels its schedules and tells running jobs to finish.
 */
@Component
public class PluginJobScheduler {

    private static final Logger log = LoggerFactory.getLogger(PluginJobScheduler.class);

    private final JobLocks locks;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final String node = nodeName();
    private final Map<String, List<Scheduled>> byPlugin = new ConcurrentHashMap<>();

    PluginJobScheduler(JobLocks locks) {
        this.locks = locks;
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("kehu-plugin-job-");
        scheduler.setDaemon(true);
        scheduler.initialize();
    }

    /** Schedules every job of a starting plugin; a job with a bad id or schedule fails the plugin. */
    void start(String pluginId, List<ScheduledJob> jobs) {
        List<Scheduled> scheduled = new CopyOnWriteArrayList<>();
        try {
            for (ScheduledJob job : jobs) {
                String id = job.id();
                if (id == null || !PluginDescriptors.ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("Job id '" + id + "' of " + job.getClass().getName()
                            + " is not lower-case words joined by '-'.");
                }
                Scheduled entry = new Scheduled(pluginId, job, new AtomicBoolean());
                entry.trigger = trigger(job.schedule());
                entry.future = scheduler.schedule(() -> run(entry, entry.trigger.scheduled), entry.trigger);
                scheduled.add(entry);
            }
        } catch (RuntimeException e) {
            scheduled.forEach(Scheduled::cancel);
            throw e;
        }
        byPlugin.put(pluginId, scheduled);
    }

    void stop(String pluginId) {
        List<Scheduled> jobs = byPlugin.remove(pluginId);
        if (jobs != null) {
            jobs.forEach(Scheduled::cancel);
        }
    }

    public List<JobStatus> statuses(String pluginId) {
        return byPlugin.getOrDefault(pluginId, List.of()).stream()
                .map(s -> status(pluginId, s.job.id()).orElse(new JobStatus(s.job.id(), false, null, null, null, 0,
                        0, null)))
                .toList();
    }

    public Optional<JobStatus> status(String pluginId, String jobId) {
        return locks.status(key(pluginId, jobId), jobId);
    }

    /** Runs a job now in the background (its own slot, so it never collides with a scheduled one). */
    public void runNow(String pluginId, String jobId) {
        Scheduled entry = byPlugin.getOrDefault(pluginId, List.of()).stream()
                .filter(s -> s.job.id().equals(jobId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Plugin " + pluginId + " has no job " + jobId));
        scheduler.execute(() -> run(entry, Instant.now()));
    }

    /**
     * Runs a job on the calling thread and returns its state afterwards (for the SDK testkit: a test waits for the
     * run it started, through the same lock row as a scheduled run).
     */
    Optional<JobStatus> runAndWait(String pluginId, String jobId) {
        Scheduled entry = byPlugin.getOrDefault(pluginId, List.of()).stream()
                .filter(s -> s.job.id().equals(jobId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Plugin " + pluginId + " has no job " + jobId));
        runLocked(entry, Instant.now());
        return status(pluginId, jobId);
    }

    private void run(Scheduled entry, Instant slot) {
        try {
            runLocked(entry, slot);
        } catch (RuntimeException e) {
            log.warn("Job {} of plugin {} could not run: {}", entry.job.id(), entry.pluginId, e.toString());
        }
    }

    private void runLocked(Scheduled entry, Instant slot) {
        String key = key(entry.pluginId, entry.job.id());
        if (entry.cancelled.get()
                || !locks.tryStart(key, OffsetDateTime.ofInstant(slot == null ? Instant.now() : slot, ZoneOffset.UTC),
                node)) {
            return;
        }
        String result = "ok";
        try {
            entry.job.run(new JobRun() {
                @Override
                public void progress(long done, long total, String note) {
                    locks.progress(key, done, total, note);
                }

                @Override
                public boolean cancelled() {
                    return entry.cancelled.get();
                }
            });
        } catch (Exception | LinkageError e) {
            result = e.toString();
            log.warn("Job {} of plugin {} failed: {}", entry.job.id(), entry.pluginId, e.toString());
        } finally {
            locks.finish(key, result);
        }
    }

    private static SlotTrigger trigger(Schedule schedule) {
        if (schedule.cron() != null) {
            return new SlotTrigger(new CronTrigger(schedule.cron()));
        }
        long every = schedule.interval().toMillis();
        // Aligned to the epoch, so that every node computes the same instants (and slots) for the same runs.
        return new SlotTrigger(context -> Instant.ofEpochMilli((System.currentTimeMillis() / every + 1) * every));
    }

    static String key(String pluginId, String jobId) {
        return pluginId + ":" + jobId;
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        } catch (java.io.IOException e) {
            return UUID.randomUUID().toString();
        }
    }

    @PreDestroy
    void shutdown() {
        byPlugin.values().forEach(jobs -> jobs.forEach(Scheduled::cancel));
        scheduler.shutdown();
    }

    /** Remembers the instant it scheduled last: the slot of the run that is about to start. */
    private static final class SlotTrigger implements Trigger {
        private final Trigger delegate;
        private volatile Instant scheduled;

        SlotTrigger(Trigger delegate) {
            this.delegate = delegate;
        }

        @Override
        public Instant nextExecution(TriggerContext context) {
            scheduled = delegate.nextExecution(context);
            return scheduled;
        }
    }

    private static final class Scheduled {
        final String pluginId;
        final ScheduledJob job;
        final AtomicBoolean cancelled;
        SlotTrigger trigger;
        ScheduledFuture<?> future;

        Scheduled(String pluginId, ScheduledJob job, AtomicBoolean cancelled) {
            this.pluginId = pluginId;
            this.job = job;
            this.cancelled = cancelled;
        }

        void cancel() {
            cancelled.set(true);
            if (future != null) {
                future.cancel(false);
            }
        }
    }
}
