package io.kehu.platform.views;

import io.kehu.platform.workflow.WorkflowTask;
import java.util.Optional;

/**
 * Where opening a task in the inbox leads when its record is not the place to act on it: a KPI breach's task opens the
 * list of the period's records behind the missed figure (the same list the dashboard's card links to). A Spring bean;
 * the first one that answers wins, and without an answer the task opens its record.
 */
public interface TaskLinks {

    /** The route (with query string, e.g. {@link ListLinks#filtered}) to open for {@code task}, or empty. */
    Optional<String> route(WorkflowTask task);
}
