package io.kehu.platform.timeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merged, newest-first stream of several sources' cursors. Each source is read a page at a time, only when the
 * merge needs its next entry, so showing the first 20 entries reads about 20 rows per source, however long the
 * history is. A source that fails is logged and left out; the timeline shows the others.
 */
public final class TimelineFeed {

    private static final Logger log = LoggerFactory.getLogger(TimelineFeed.class);

    private final List<Buffer> buffers = new ArrayList<>();
    private final int fetchSize;

    TimelineFeed(List<TimelineSource.Cursor> cursors, int fetchSize) {
        this.fetchSize = fetchSize;
        cursors.forEach(c -> buffers.add(new Buffer(c)));
    }

    /** A feed over {@code cursors}, reading each {@code fetchSize} entries at a time. */
    public static TimelineFeed of(List<TimelineSource.Cursor> cursors, int fetchSize) {
        return new TimelineFeed(cursors, fetchSize);
    }

    /** The next at most {@code max} entries of all sources together, newest first. */
    public List<TimelineEntry> next(int max) {
        List<TimelineEntry> page = new ArrayList<>();
        while (page.size() < max) {
            Buffer newest = null;
            for (Buffer b : buffers) {
                TimelineEntry head = b.peek();
                if (head != null && (newest == null || TimelineEntry.newestFirst(head, newest.peek()) < 0)) {
                    newest = b;
                }
            }
            if (newest == null) {
                break;
            }
            page.add(newest.entries.poll());
        }
        return page;
    }

    /** Whether {@link #next} would return anything (may read the next page of a source). */
    public boolean hasMore() {
        return buffers.stream().anyMatch(b -> b.peek() != null);
    }

    private final class Buffer {
        private final TimelineSource.Cursor cursor;
        private final Deque<TimelineEntry> entries = new ArrayDeque<>();
        private boolean exhausted;

        Buffer(TimelineSource.Cursor cursor) {
            this.cursor = cursor;
        }

        TimelineEntry peek() {
            if (entries.isEmpty() && !exhausted) {
                try {
                    List<TimelineEntry> more = cursor.next(fetchSize);
                    entries.addAll(more);
                    exhausted = more.isEmpty();
                } catch (RuntimeException | LinkageError failed) {
                    log.warn("A timeline source failed and is left out: {}", failed.toString());
                    exhausted = true;
                }
            }
            return entries.peek();
        }
    }
}
