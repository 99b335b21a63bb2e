package io.kehu.platform.timeline;

import java.util.List;
import java.util.Set;

/**
 * Something that adds entries to record timelines. Every Spring bean of this type is asked; the platform's own are
 * the related records (interactions, purchases, feedback) and the record's edits. Plugins (tier changes, visits,
 * surveys, points, tasks) will add theirs through an SDK adapter over this interface.
 *
 * <p>A source reads with {@link TimelineSubject#actor()}'s permissions and returns its entries newest first, a page at
 * a time, so a customer with years of history costs only the pages the viewer scrolls to.
 */
public interface TimelineSource {

    /** The kinds this source adds to the timeline of {@code subject}; empty when it has nothing for that form. */
    List<TimelineKind> kinds(TimelineSubject subject);

    /** Starts reading the entries of the selected {@code kinds} (a subset of {@link #kinds}), newest first. */
    Cursor open(TimelineSubject subject, Set<String> kinds);

    /** A position in one source's entries. */
    @FunctionalInterface
    interface Cursor {

        /**
         * The next at most {@code max} entries (at least one while any are left), newest first, each not newer
         * than the ones returned before; empty when there are no more.
         */
        List<TimelineEntry> next(int max);
    }
}
