package io.kehu.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.kehu.platform.KehuApplication;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.workflow.WorkflowStep;
import io.kehu.platform.workflow.Workflows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * First start from a company's own definitions folder ({@code KEHU_FORMS_DIR}): the folder's forms are published
 * instead of the shipped ones, invalid files stop start-up naming each problem, and demo data the company's rules
 * refuse is skipped with a warning while Kehu keeps starting; demo data walks complaints and customer events through
 * the shipped processes.
 */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

    @TempDir
    Path temp;

    @Test
    void publishesTheFolderAndKeepsStartingWhenItsRulesRefuseTheDemoData(CapturedOutput output) throws IOException {
        Path forms = copyShippedDefinitions();
        // The company wants a tax id on every customer: the generated demo customers have none.
        Path customer = forms.resolve("customer.json");
        Files.writeString(customer, Files.readString(customer).replace("\"script\": \"record.phone || record.email\"",
                "\"script\": \"record.notes == 'tax-id-checked'\""));
        Files.writeString(forms.resolve("vip_event.json"), """
                {"id": "vip_event", "label": {"zh": "贵宾活动", "en": "VIP event"}, "titleField": "title",
                 "fields": [{"id": "title", "type": "text", "label": {"zh": "标题", "en": "Title"}, "required": true}]}
                """);

        try (ConfigurableApplicationContext app = start(forms, 5)) {
            FormCatalog catalog = app.getBean(FormCatalog.class);
            assertThat(catalog.allPublished()).extracting(FormDefinition::id)
                    .contains("customer", "purchase", "vip_event");
            assertThat(app.getBean(Records.class).query(Actor.system("test"), RecordQuery.of("customer").limit(10)))
                    .isEmpty();
        }
        assertThat(output.getOut()).contains("Demo data stopped after 0 customers");
        // The console says when Kehu can be used: after the first-start work, not when the web server answers.
        assertThat(output.getOut().indexOf("Kehu is ready on http://localhost:"))
                .isGreaterThan(output.getOut().indexOf("Demo data stopped after 0 customers"));
    }

    @Test
    void demoDataWalksComplaintsAndCustomerEventsThroughTheShippedProcesses(CapturedOutput output)
            throws IOException {
        Path forms = copyShippedDefinitions();
        try (ConfigurableApplicationContext app = start(forms, 40)) {
            Records records = app.getBean(Records.class);
            Workflows workflows = app.getBean(Workflows.class);
            UserAccounts accounts = app.getBean(UserAccounts.class);
            Actor admin = Actor.of(accounts.findByUsername("admin").orElseThrow());
            long staff = accounts.findByUsername("staff").orElseThrow().id();
            long manager = accounts.findByUsername("manager").orElseThrow().id();
            // The generated feedback is written by the platform with no history; the walked ones by the staff.
            List<Record> walked = records.query(admin, RecordQuery.of("feedback").limit(500)).stream()
                    .filter(r -> Long.valueOf(staff).equals(r.createdBy())).toList();
            assertThat(walked).hasSize(12);
            Map<Object, List<Record>> byState = walked.stream().collect(Collectors.groupingBy(r -> r.get("status")));
            assertThat(byState).containsKeys("new", "in_progress", "waiting_customer", "resolved", "closed");
            // Taken twelve days ago and never resolved: overdue, by the same clock the record view shows.
            assertThat(byState.get("in_progress")).isNotEmpty().allSatisfy(c -> assertThat(
                    workflows.slaClock(admin, "feedback", c.id()).orElseThrow().overdue()).isTrue());
            assertThat(byState.get("waiting_customer")).allSatisfy(c -> assertThat(
                    workflows.slaClock(admin, "feedback", c.id())).as("paused").isEmpty());
            // Resolved: the revisit waits with someone other than the handler; closed: revisited by the manager.
            assertThat(byState.get("resolved")).allSatisfy(c -> assertThat(workflows.openTasksOf(admin, "feedback",
                    c.id())).singleElement().satisfies(t -> assertThat(t.assigneeId()).isNotEqualTo(staff)));
            assertThat(byState.get("closed")).allSatisfy(c -> assertThat(workflows.steps(admin, "feedback", c.id()))
                    .extracting(WorkflowStep::transitionId, WorkflowStep::actedBy)
                    .containsExactly(tuple("take", staff), tuple("resolve", staff), tuple("revisit_ok", manager)));

            List<Record> events = records.query(admin, RecordQuery.of("customer_event").limit(50));
            assertThat(events).extracting(r -> r.get("status"))
                    .containsExactlyInAnyOrder("awaiting_approval", "approved", "held");
            assertThat(events).filteredOn(r -> "held".equals(r.get("status"))).singleElement()
                    .satisfies(r -> assertThat(r.get("approved_by")).isEqualTo(manager));
            assertThat(events).filteredOn(r -> "awaiting_approval".equals(r.get("status"))).singleElement()
                    .satisfies(r -> assertThat(workflows.openTasksOf(admin, "customer_event", r.id()))
                            .singleElement().satisfies(t -> assertThat(t.assigneeId()).isEqualTo(manager)));
        }
        assertThat(output.getOut()).contains("complaints and 3 customer events walked through their processes");
    }

    @Test
    void invalidDefinitionsInTheFolderStopStartUpNamingEachProblem(CapturedOutput output) throws IOException {
        Path forms = copyShippedDefinitions();
        Files.writeString(forms.resolve("broken.json"), "{\"id\": \"Broken Form\", \"fields\": []");

        assertThatThrownBy(() -> start(forms, 0)).hasMessageContaining("broken.json")
                .hasMessageContaining("line 1, column 35");
        assertThat(app(output)).contains("broken.json");
    }

    private static String app(CapturedOutput output) {
        return output.getOut() + output.getErr();
    }

    private ConfigurableApplicationContext start(Path forms, int demoCustomers) {
        return new SpringApplicationBuilder(KehuApplication.class).run("--server.port=0",
                "--kehu.db.url=", "--kehu.db.data-dir=" + temp.resolve("data"),
                "--kehu.forms.seed=true", "--kehu.forms.seed-dir=" + forms,
                "--kehu.demo.customers=" + demoCustomers,
                "--kehu.accounts.admin-password=first-Start-1", "--kehu.accounts.demo-password=first-Start-2",
                "--vaadin.productionMode=true", "--logging.level.root=warn",
                "--logging.level.io.kehu.platform.demo=info", "--logging.level.io.kehu.platform.startup=info");
    }

    private Path copyShippedDefinitions() throws IOException {
        Path forms = Files.createDirectories(temp.resolve("forms"));
        try (Stream<Path> files = Files.list(Path.of("../form-definitions"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, forms.resolve(file.getFileName()));
            }
        }
        return forms;
    }
}
