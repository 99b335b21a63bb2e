/**
 * Dashboards: widgets drawn from {@link io.kehu.platform.metrics.Metrics} (number cards with trend and target, bars,
 * stacked bars, lines, pies, tables) under one period filter, each figure a link to the list of the records behind
 * it. {@link io.kehu.platform.dashboards.Dashboards} holds the definitions (shipped JSON, per-role defaults); the
 * screen lives in {@code ui}.
 */
package io.kehu.platform.dashboards;
