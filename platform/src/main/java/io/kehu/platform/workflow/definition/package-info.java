/**
 * Internal: reading workflow definitions. {@code WorkflowJson} turns the JSON into the model of
 * {@code io.kehu.platform.workflow} (structure, sizes, ids), {@code WorkflowChecks} checks its meaning against the
 * bound form (status field and its options, user fields, scripts). Only {@code WorkflowReader} uses this package.
 */
package io.kehu.platform.workflow.definition;
