package io.kehu.sdk.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link ScheduledJob} runs: a cron expression (Spring's six fields: second minute hour day month weekday, in
 * the server's time zone) or a fixed interval (at least one second).
 *
 * @param cron the cron expression, or {@code null}
 * @param interval the interval, or {@code null}
 */
public record Schedule(String cron, Duration interval) {

    public Schedule {
        if ((cron == null) == (interval == null)) {
            throw new IllegalArgumentException("A schedule is either a cron expression or an interval");
        }
        if (interval != null && interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("An interval must be at least one second: " + interval);
        }
    }

    /** E.g. {@code cron("0 0 2 * * *")}: every night at two. */
    public static Schedule cron(String expression) {
        return new Schedule(Objects.requireNonNull(expression, "expression"), null);
    }

    /** E.g. {@code every(Duration.ofMinutes(15))}. */
    public static Schedule every(Duration interval) {
        return new Schedule(null, Objects.requireNonNull(interval, "interval"));
    }
}
