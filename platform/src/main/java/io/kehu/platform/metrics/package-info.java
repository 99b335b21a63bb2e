/**
 * Metrics: figures defined once in JSON ({@link io.kehu.platform.metrics.MetricDefinition}, files under
 * {@code form-definitions/metrics/}) and computed in the database with the viewer's permissions by
 * {@link io.kehu.platform.metrics.Metrics}. Every value carries the list-view filters of the records behind it, so a
 * dashboard can open exactly those records. Internals ({@code internal}): the JSON reader and checks, and the query
 * that batches requests on the same form into one {@code GROUP BY}.
 */
package io.kehu.platform.metrics;
