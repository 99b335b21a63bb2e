/** Workflows, tasks and notices for plugins: {@link io.kehu.sdk.workflows.PluginWorkflows}. */
package io.kehu.sdk.workflows;
