/**
 * Internal: durable timers of workflows ({@code kehu_workflow_timer}, migration {@code V8}). {@code TimerQueue}
 * schedules, cancels and fires them; the workflow runtime decides what a timer does when it fires.
 */
package io.kehu.platform.workflow.timers;
