package io.kehu.platform.metrics;

import java.util.List;
import java.util.stream.Collectors;

/** Metric definitions that cannot be used, with every problem found. */
public class MetricDefinitionException extends RuntimeException {

    private final transient List<MetricProblem> problems;

    public MetricDefinitionException(List<MetricProblem> problems) {
        super(problems.stream().map(MetricProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<MetricProblem> problems() {
        return problems;
    }
}
