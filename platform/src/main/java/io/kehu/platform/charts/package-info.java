/**
 * Charts: {@link io.kehu.platform.charts.Charts#of} turns an SDK {@link io.kehu.sdk.ui.ChartSpec} into a Flow
 * component drawn by Chart.js (web jar {@code org.webjars.npm:chart.js}, loaded as a script once per page; no npm
 * build). Used by the timeline, the workspace and, through the SDK's {@code components().chart}, by plugins.
 */
package io.kehu.platform.charts;
