package io.kehu.platform.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a timeline, already in the viewer's language.
 *
 * @param kind the {@link TimelineKind#id()} it belongs to (what the filter selects)
 * @param at when it happened; entries are ordered by it, newest first
 * @param title what happened, short ("互动记录 · 电话")
 * @param text details, may be empty
 * @param who who did it, by display name; empty when not known
 * @param link the route of the record it is about (e.g. {@code forms/interaction/12}), or {@code null}
 * @param key unique among all entries of one timeline (e.g. {@code interaction:12}); breaks ties of {@code at}
 * @param dateOnly whether {@code at} is a day without a time of day (show the date only)
 */
public record TimelineEntry(String kind, Instant at, String title, String text, String who, String link,
                            String key, boolean dateOnly) {

    /** An entry with a time of day. */
    public TimelineEntry(String kind, Instant at, String title, String text, String who, String link, String key) {
        this(kind, at, title, text, who, link, key, false);
    }

    public TimelineEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(key, "key");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        who = who == null ? "" : who;
    }

    /** Newest first; equal times by key, so the order is total and stable from page to page. */
    static int newestFirst(TimelineEntry a, TimelineEntry b) {
        int byTime = b.at.compareTo(a.at);
        return byTime != 0 ? byTime : b.key.compareTo(a.key);
    }
}
