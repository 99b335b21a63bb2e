package io.kehu.platform.timeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The timeline of a record: the kinds every {@link TimelineSource} offers for it, and the merged feed of them. */
@Service
public class Timeline {

    /** Entries per page: what "load more" adds. */
    public static final int PAGE = 20;

    private final ObjectProvider<TimelineSource> sources;
    private final ActivityCounts activity;

    Timeline(ObjectProvider<TimelineSource> sources, ActivityCounts activity) {
        this.sources = sources;
        this.activity = activity;
    }

    /** Whether the record has more than its own edits to show: some form points at it, or a plugin adds entries. */
    public boolean hasActivity(TimelineSubject subject) {
        return kinds(subject).stream().anyMatch(k -> !RecordEditsSource.KIND.equals(k.id()));
    }

    /** The timeline tab of {@code subject}: chart of the last twelve months, filter, entries. */
    public TimelinePanel panel(TimelineSubject subject) {
        return new TimelinePanel(this, subject, activity.lastYear(subject.actor(), subject.form(),
                subject.recordId(), subject.locale(), subject.zone(), java.time.LocalDate.now(subject.zone())));
    }

    /** Every kind of entry the record can have, in source order; empty when no source has anything for its form. */
    public List<TimelineKind> kinds(TimelineSubject subject) {
        List<TimelineKind> kinds = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TimelineSource source : sources.orderedStream().toList()) {
            for (TimelineKind kind : safeKinds(source, subject)) {
                if (seen.add(kind.id())) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    /** The entries of the selected {@code kinds}, newest first, read page by page. */
    public TimelineFeed feed(TimelineSubject subject, Set<String> kinds) {
        List<TimelineSource.Cursor> cursors = new ArrayList<>();
        for (TimelineSource source : sources.orderedStream().toList()) {
            Set<String> mine = new LinkedHashSet<>();
            safeKinds(source, subject).forEach(k -> {
                if (kinds.contains(k.id())) {
                    mine.add(k.id());
                }
            });
            if (!mine.isEmpty()) {
                try {
                    cursors.add(source.open(subject, mine));
                } catch (RuntimeException | LinkageError failed) {
                    LoggerFactory.getLogger(Timeline.class).warn("Timeline source {} failed: {}",
                            source.getClass().getName(), failed.toString());
                }
            }
        }
        return new TimelineFeed(cursors, PAGE);
    }

    private static List<TimelineKind> safeKinds(TimelineSource source, TimelineSubject subject) {
        try {
            return source.kinds(subject);
        } catch (RuntimeException | LinkageError failed) {
            LoggerFactory.getLogger(Timeline.class).warn("Timeline source {} failed: {}",
                    source.getClass().getName(), failed.toString());
            return List.of();
        }
    }
}
