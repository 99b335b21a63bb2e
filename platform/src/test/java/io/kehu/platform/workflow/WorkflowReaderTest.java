package io.kehu.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The shipped complaint workflow reads against the shipped feedback form, and every shipped one fits the schema. */
class WorkflowReaderTest {

    @Test
    void complaintHandlingSeparatesTheRevisitFromTheHandler() {
        WorkflowDefinition complaint = ShippedWorkflows.reader().read("complaint_handling.json",
                ShippedWorkflows.read(ShippedWorkflows.WORKFLOWS.resolve("complaint_handling.json")));

        assertThat(complaint.form()).isEqualTo("feedback");
        assertThat(complaint.label().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("投诉处理");
        assertThat(complaint.initialState().id()).isEqualTo("new");
        assertThat(complaint.states()).extracting(WorkflowState::id)
                .containsExactly("new", "in_progress", "waiting_customer", "resolved", "closed");
        assertThat(complaint.state("waiting_customer").orElseThrow().pausesSla()).as("waiting for the customer")
                .isTrue();
        assertThat(complaint.transitionsFrom("in_progress")).extracting(Transition::id)
                .containsExactly("resolve", "wait_customer");
        assertThat(complaint.state("closed").orElseThrow().terminal()).isTrue();
        Sla firstResponse = complaint.state("new").orElseThrow().sla();
        assertThat(firstResponse.within()).isEqualTo(Duration.ofHours(4));
        assertThat(firstResponse.workingTime()).isTrue();
        assertThat(firstResponse.onBreach()).containsExactly(Sla.Breach.NOTIFY_MANAGER);

        assertThat(complaint.transitionsFrom("resolved")).extracting(Transition::id)
                .containsExactly("revisit_ok", "revisit_reopen");
        ActorRule revisit = complaint.transition("revisit_ok").orElseThrow().actors();
        assertThat(revisit.notUserFields()).containsExactly("handler");
        assertThat(revisit.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.MANAGER);
        assertThat(complaint.transition("revisit_ok").orElseThrow().comment()).isEqualTo(Transition.Comment.REQUIRED);

        WorkflowAction.CreateTask task = (WorkflowAction.CreateTask) complaint.transition("resolve").orElseThrow()
                .actions().getFirst();
        assertThat(task.kind()).isEqualTo("revisit");
        assertThat(task.assignee().notUserFields()).containsExactly("handler");
        assertThat(task.due()).isEqualTo(Duration.ofDays(3));
        // then the survey plugin's link for the revisit (skipped while that plugin is not running)
        assertThat(complaint.transition("resolve").orElseThrow().actions().get(1)).isEqualTo(
                new WorkflowAction.PluginAction("survey", "send_link", java.util.Map.of("survey", "satisfaction",
                        "customer", "customer", "handler", "handler", "task", "revisit", "days", "14")));
        assertThat(complaint.transition("take").orElseThrow().actions()).containsExactly(
                new WorkflowAction.SetField("handler", "$actor"),
                new WorkflowAction.SetField("first_response_at", "$now"),
                new WorkflowAction.Notify(null, LocalizedText.of("投诉已受理", "Complaint taken on"), "complaints"));
    }

    @Test
    void everyShippedWorkflowFitsTheJsonSchemaEditorsUse() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                Files.readString(ShippedWorkflows.SEEDS.resolve("schema/workflow-definition.schema.json")));
        JsonMapper mapper = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(ShippedWorkflows.WORKFLOWS)) {
            List<Path> workflows = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(workflows).isNotEmpty();
            for (Path file : workflows) {
                List<Error> errors = schema.validate(mapper.readTree(Files.readString(file)));
                assertThat(errors).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void theSchemaRefusesWhatTheReaderRefuses() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                Files.readString(ShippedWorkflows.SEEDS.resolve("schema/workflow-definition.schema.json")));
        String bad = ShippedWorkflows.read(ShippedWorkflows.WORKFLOWS.resolve("complaint_handling.json"))
                .replace("\"PT4H\"", "\"4 hours\"").replace("\"required\"", "\"always\"");
        assertThat(schema.validate(JsonMapper.builder().build().readTree(bad))).isNotEmpty();
    }

    @Test
    void everyShippedAutomationReadsAndFitsItsSchema() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(
                Files.readString(ShippedWorkflows.SEEDS.resolve("schema/automation-definition.schema.json")));
        JsonMapper mapper = JsonMapper.builder().build();
        WorkflowReader reader = ShippedWorkflows.reader();
        try (Stream<Path> files = Files.list(ShippedWorkflows.SEEDS.resolve("automations"))) {
            List<Path> automations = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(automations).hasSize(13);
            for (Path file : automations) {
                String json = Files.readString(file);
                assertThat(schema.validate(mapper.readTree(json))).as(file.toString()).isEmpty();
                Automation automation = reader.readAutomation(file.getFileName().toString(), json,
                        form -> Optional.empty());
                assertThat(automation.form()).isIn("customer", "feedback");
            }
        }
    }

    @Test
    void aBrokenAutomationIsReportedAtEachPlace() {
        String json = """
                {"id": "Bad Id", "label": {"zh": "坏", "en": "Bad"}, "form": "feedback", "trigger": "daily",
                 "at": "25:99", "when": "BROKEN", "needs": ["Tier Functions"],
                 "actions": [{"type": "setField", "field": "status", "value": "closed"},
                             {"type": "sendFax", "to": "x"},
                             {"type": "setField", "field": "nope", "value": "x"}]}
                """;
        WorkflowException problems = (WorkflowException) catchThrowable(() -> ShippedWorkflows.reader()
                .readAutomation("bad.json", json, form -> Optional.of("status")));
        assertThat(problems.problems()).extracting(WorkflowProblem::jsonPath).contains("$.id", "$.at",
                "$.actions[1].type");
        assertThat(problems.problems()).extracting(WorkflowProblem::jsonPath)
                .anyMatch(path -> path.startsWith("$.needs"));

        String wellFormed = json.replace("Bad Id", "bad").replace("25:99", "08:00").replace("Tier Functions", "tier")
                .replace("""
                        {"type": "sendFax", "to": "x"},
                        """.strip(), "");
        WorkflowException meaning = (WorkflowException) catchThrowable(() -> ShippedWorkflows.reader()
                .readAutomation("bad.json", wellFormed, form -> Optional.of("status")));
        assertThat(meaning.problems()).extracting(WorkflowProblem::jsonPath, WorkflowProblem::kind).contains(
                tuple("$.when", WorkflowProblem.Kind.SCRIPT),
                tuple("$.actions[0].field", WorkflowProblem.Kind.STATUS_SET_BY_ACTION),
                tuple("$.actions[1].field", WorkflowProblem.Kind.UNKNOWN_FIELD));
    }
}
