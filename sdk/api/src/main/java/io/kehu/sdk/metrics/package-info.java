/** Metrics a plugin ships for the platform's dashboards ({@link io.kehu.sdk.metrics.MetricDefinitionProvider}). */
package io.kehu.sdk.metrics;
