/**
 * The Kehu SDK: the only API a plugin compiles against (with {@code provided} scope).
 *
 * <p>Extension points are small interfaces extending PF4J's {@code ExtensionPoint}, one per sub-package feature:
 * {@link io.kehu.sdk.forms.FormDefinitionProvider}, {@link io.kehu.sdk.records.RecordListener},
 * {@link io.kehu.sdk.jobs.ScheduledJob}, {@link io.kehu.sdk.ui.ViewContribution},
 * {@link io.kehu.sdk.ui.NavigationContribution}, {@link io.kehu.sdk.ui.RecordPanel},
 * {@link io.kehu.sdk.ui.DashboardWidget}, {@link io.kehu.sdk.scripts.ScriptFunctions},
 * {@link io.kehu.sdk.settings.SettingsPage}, {@link io.kehu.sdk.workflows.WorkflowDefinitionProvider} and
 * {@link io.kehu.sdk.metrics.MetricDefinitionProvider}. A plugin implements them (annotated {@code @Extension}) and receives
 * everything it needs from the platform through a {@link io.kehu.sdk.PluginContext} constructor parameter, never
 * through Spring, JDBC or the plugin manager. See {@code docs/plugin-guide.md}.
 */
package io.kehu.sdk;
