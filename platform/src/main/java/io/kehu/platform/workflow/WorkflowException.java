package io.kehu.platform.workflow;

import io.kehu.platform.i18n.ProblemTexts;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A workflow definition that cannot be used, with every problem found, one per line in the message. */
public class WorkflowException extends RuntimeException {

    private final List<WorkflowProblem> problems;

    public WorkflowException(List<WorkflowProblem> problems) {
        super(problems.stream().map(WorkflowProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems in the order found: structure first, then meaning against the form. */
    public List<WorkflowProblem> problems() {
        return problems;
    }

    /** The problems for a person, one per line, each starting with its JSON path. */
    public String describe(Locale locale) {
        return ProblemTexts.lines(problems, WorkflowProblem::jsonPath, WorkflowProblem::message, locale);
    }
}
