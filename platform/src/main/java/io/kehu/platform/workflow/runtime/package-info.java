/**
 * Internal to the workflow runtime behind {@link io.kehu.platform.workflow.Workflows}: the workflow log of transitions
 * with their comments, the task store and the choice of a task's assignee, and the guard that keeps a workflow-bound
 * form's status field to its workflow ({@link io.kehu.platform.workflow.runtime.TransitionScope} marks the one move a
 * transition is writing). Other features use the front, not this package.
 */
package io.kehu.platform.workflow.runtime;
