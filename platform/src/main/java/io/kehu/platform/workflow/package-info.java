/**
 * Workflows: the states a record of a form moves through (a complaint: 新建 → 处理中 → 已解决 → 已回访), who may move
 * it, what happens when it moves, and the clocks that run meanwhile. A workflow is data — a JSON definition bound to a
 * form and its status field ({@code docs/workflows.md}) — read by {@link io.kehu.platform.workflow.WorkflowReader}
 * into a {@link io.kehu.platform.workflow.WorkflowDefinition}, every problem reported at its JSON path in zh and en.
 *
 * <p>Separation of duties is part of the data: a transition's {@link io.kehu.platform.workflow.ActorRule} can say "not
 * the handler, not the creator" (the seeds' 回访由非直接处理人员进行). Working-time SLAs count with the
 * {@link io.kehu.platform.calendar.BusinessCalendar}. Parsing and meaning checks live in the internal
 * {@code workflow.definition} package.
 *
 * <p>At run time {@link io.kehu.platform.workflow.WorkflowCatalog} holds the workflow of each form and
 * {@link io.kehu.platform.workflow.Workflows} takes transitions through the one write path ({@code Records}) and keeps
 * the tasks they create; its internals are in {@code workflow.runtime}.
 */
package io.kehu.platform.workflow;
