/**
 * A record's timeline: everything that happened to a customer (interactions, purchases, feedback, edits of the record
 * itself, and later plugin entries such as tier changes, visits, surveys, points or tasks) merged newest first,
 * filterable by kind and read page by page. Entries come from {@link io.kehu.platform.timeline.TimelineSource} beans;
 * every source reads with the viewer's {@code Actor}, so the timeline shows exactly what the viewer may read.
 * {@link io.kehu.platform.timeline.TimelinePanel} is the record view's tab, with a chart of the last twelve months.
 */
package io.kehu.platform.timeline;
