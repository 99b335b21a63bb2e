package io.kehu.platform.timeline;

/**
 * A kind of timeline entry the viewer can filter by.
 *
 * @param id stable id, e.g. the form id {@code purchase} or {@code edits}
 * @param label the name shown on the filter, in the viewer's language
 */
public record TimelineKind(String id, String label) {
}
