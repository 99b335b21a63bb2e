package io.kehu.platform.forms;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Form definitions that cannot be used, with every problem found rather than just the first, so that one edit-and-retry
 * cycle fixes them all. The message lists one problem per line.
 */
public class DefinitionException extends RuntimeException {

    private final List<DefinitionProblem> problems;

    public DefinitionException(List<DefinitionProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems in the order they were found: syntax and schema problems of each source, then problems between
     * sources (duplicate form ids), then the meaning of each form.
     */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(List<DefinitionProblem> problems) {
        String header = problems.size() == 1
                ? "1 problem in form definitions:"
                : problems.size() + " problems in form definitions:";
        return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
