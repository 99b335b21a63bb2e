package io.kehu.plugins.visits;

import java.time.LocalTime;

/** The customer's preferred time of day for a visit (the {@code preferred_window} options) and its hours. */
enum PreferredWindow {
    MORNING("morning", LocalTime.of(9, 0), LocalTime.of(12, 0)),
    AFTERNOON("afternoon", LocalTime.of(13, 30), LocalTime.of(17, 30)),
    EVENING("evening", LocalTime.of(18, 30), LocalTime.of(20, 30)),
    ANY("any", LocalTime.of(9, 0), LocalTime.of(20, 30));

    private final String code;
    private final LocalTime from;
    private final LocalTime until;

    PreferredWindow(String code, LocalTime from, LocalTime until) {
        this.code = code;
        this.from = from;
        this.until = until;
    }

    String code() {
        return code;
    }

    LocalTime from() {
        return from;
    }

    LocalTime until() {
        return until;
    }

    /** Whether a visit from {@code start} to {@code end} (same day) lies inside the window. */
    boolean fits(LocalTime start, LocalTime end) {
        return !start.isBefore(from) && !end.isAfter(until) && !end.isBefore(start);
    }

    static PreferredWindow of(Object code) {
        for (PreferredWindow w : values()) {
            if (w.code.equals(code)) {
                return w;
            }
        }
        return ANY;
    }
}
