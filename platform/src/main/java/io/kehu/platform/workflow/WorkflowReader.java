package io.kehu.platform.workflow;

import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.RuleCompileCheck;
import io.kehu.platform.workflow.WorkflowProblem.Kind;
import io.kehu.platform.workflow.definition.AutomationJson;
import io.kehu.platform.workflow.definition.JsonCursor;
import io.kehu.platform.workflow.definition.WorkflowChecks;
import io.kehu.platform.workflow.definition.WorkflowJson;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads workflow definitions (format: {@code docs/workflows.md}, schema:
 * {@code form-definitions/schema/workflow-definition.schema.json}). Two passes: the structure (keys, types, ids,
 * sizes), then — only when that holds — the meaning against the bound form. Every problem is reported at once in a
 * {@link WorkflowException}, each at its JSON path with a zh and en text. Definitions are admin-written, so sizes are
 * bounded like a form definition's and scripts go through the rule sandbox's compile check.
 */
public final class WorkflowReader {

    /** The longest definition text accepted. */
    public static final int MAX_CHARS = 500_000;
    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Function<String, Optional<FormDefinition>> forms;
    private final Set<String> calendars;
    private final RuleCompileCheck compileCheck;

    /**
     * @param forms the published forms a workflow may be bound to or create records in
     * @param calendars the ids of the business calendars that exist
     * @param compileCheck the rule sandbox's compile check for guards and expressions
     */
    public WorkflowReader(Function<String, Optional<FormDefinition>> forms, Set<String> calendars,
            RuleCompileCheck compileCheck) {
        this.forms = forms;
        this.calendars = Set.copyOf(calendars);
        this.compileCheck = compileCheck;
    }

    /**
     * Reads one definition.
     *
     * @param source named in problems, e.g. the file name
     * @throws WorkflowException with every problem found
     */
    public WorkflowDefinition read(String source, String json) {
        return read(source, json, (form, workflow) -> form);
    }

    /**
     * Reads one definition against its form as it will be when published with it: {@code formWith} gives the bound
     * form for the workflow read (a publish makes the status field's options equal to the states).
     *
     * @throws WorkflowException with every problem found
     */
    public WorkflowDefinition read(String source, String json,
            java.util.function.BiFunction<FormDefinition, WorkflowDefinition, FormDefinition> formWith) {
        JsonCursor.Problems problems = new JsonCursor.Problems(source);
        WorkflowDefinition workflow = new WorkflowJson(problems).read(parse(source, json));
        if (workflow != null) {
            Function<String, Optional<FormDefinition>> bound = id -> forms.apply(id)
                    .map(f -> id.equals(workflow.form()) ? formWith.apply(f, workflow) : f);
            new WorkflowChecks(problems, bound, calendars, compileCheck).check(workflow);
        }
        if (!problems.found().isEmpty()) {
            throw new WorkflowException(problems.found());
        }
        return workflow;
    }

    /**
     * Reads one automation (same format rules, files in {@code form-definitions/automations/}).
     *
     * @param statusFieldOf the status field of the workflow on a form, if it has one (automations may not set it)
     * @throws WorkflowException with every problem found
     */
    public Automation readAutomation(String source, String json, Function<String, Optional<String>> statusFieldOf) {
        JsonCursor.Problems problems = new JsonCursor.Problems(source);
        Automation automation = new AutomationJson(problems).read(parse(source, json));
        if (automation != null) {
            new WorkflowChecks(problems, forms, calendars, compileCheck).check(automation,
                    statusFieldOf.apply(automation.form()).orElse(null));
        }
        if (!problems.found().isEmpty()) {
            throw new WorkflowException(problems.found());
        }
        return automation;
    }

    private static JsonNode parse(String source, String json) {
        if (json.length() > MAX_CHARS) {
            throw new WorkflowException(List.of(WorkflowProblem.of(source, "$", Kind.TOO_LARGE, json.length(),
                    MAX_CHARS)));
        }
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "?"
                    : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new WorkflowException(List.of(WorkflowProblem.of(source, "$", Kind.SYNTAX, where)));
        }
    }
}
