package io.kehu.platform.workflow;

/**
 * One user's open tasks and how many of them are overdue (a manager's team view).
 *
 * @param open open tasks
 * @param overdue of those, the ones past their due time
 */
public record TaskWorkload(int open, int overdue) {
}
