package io.kehu.plugins.hello;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.jobs.JobStatus;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.KehuUi;
import io.kehu.sdk.ui.RecordPanel;
import io.kehu.sdk.workflows.PluginWorkflows;
import io.kehu.sdk.workflows.TaskRequest;
import io.kehu.sdk.workflows.WorkflowInfo;
import io.kehu.sdk.workflows.WorkflowRefusedException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The sample plugin, tested the way the plugin guide tells plugin developers to: with the SDK testkit. */
@KehuPluginTest
class HelloKehuPluginTest {

    @Test
    void shipsItsFormAndRefusesRudeGreetings(KehuTestHost kehu) {
        RecordData saved = kehu.recordsAs("staff").create(HelloForms.FORM, Map.of("message", "你好，欢迎"));
        assertThat(saved.get("message")).isEqualTo("你好，欢迎");

        assertThatThrownBy(() -> kehu.recordsAs("staff").create(HelloForms.FORM, Map.of("message", "a rude one")))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.VETOED));
    }

    @Test
    void announcesSavedGreetingsOnTheEventBus(KehuTestHost kehu) throws Exception {
        List<Object> announced = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = kehu.context().events()
                .subscribe(PoliteGreetings.SAVED_TOPIC, event -> announced.add(event.payload().get("id")))) {
            RecordData saved = kehu.recordsAs("manager").create(HelloForms.FORM, Map.of("message", "早上好"));
            assertThat(announced).contains(saved.id());
        }
    }

    @Test
    void takesTransitionsGivesTasksAndTellsPeopleThroughTheSdk(KehuTestHost kehu) {
        PluginWorkflows workflows = kehu.context().workflows();
        WorkflowInfo complaints = workflows.workflow("feedback").orElseThrow();
        assertThat(complaints.states().getFirst().id()).as("the initial state first").isEqualTo("new");
        assertThat(complaints.transitions()).extracting(WorkflowInfo.TransitionInfo::id).contains("take", "resolve");

        RecordData customer = kehu.recordsAs("staff").create("customer",
                Map.of("name", "上海宏达贸易", "customer_type", "company", "phone", "13812345678"));
        RecordData complaint = kehu.recordsAs("staff").create("feedback", Map.of("customer", customer.id(),
                "feedback_type", "complaint", "severity", "high", "description", "送货延误三天",
                "received_at", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).withNano(0)));
        assertThat(kehu.callAsUser("staff", () -> workflows.allowedTransitions("feedback", complaint.id())))
                .extracting(WorkflowInfo.TransitionInfo::id).containsExactly("take");

        RecordData taken = kehu.callAsUser("staff",
                () -> workflows.transition("feedback", complaint.id(), "take", null, complaint.rowVersion()));
        assertThat(taken.get("status")).isEqualTo("in_progress");
        assertThatThrownBy(() -> kehu.callAsUser("staff",
                () -> workflows.transition("feedback", complaint.id(), "revisit_ok", "好", taken.rowVersion())))
                .isInstanceOfSatisfying(WorkflowRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo("WRONG_STATE");
                    assertThat(e.text().zh()).contains("处理中");
                });

        long task = workflows.createTask(new TaskRequest("feedback", complaint.id(), "follow_up",
                LocalText.of("跟进送货延误", "Follow up the late delivery"), "manager",
                Instant.now().plus(Duration.ofDays(1))));
        assertThat(workflows.openTasks("feedback", complaint.id())).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(task);
            assertThat(t.assignee()).isEqualTo("manager");
            assertThat(t.source()).isEqualTo("plugin:hello-kehu");
            assertThat(t.title().zh()).isEqualTo("跟进送货延误");
        });
        workflows.notify("feedback", complaint.id(), List.of("manager", "nobody-by-this-name"),
                LocalText.of("客户再次来电催促", "The customer called again"));
        assertThat(workflows.completeTask(task)).isTrue();
        assertThat(workflows.completeTask(task)).as("done once").isFalse();
        assertThat(workflows.openTasks("feedback", complaint.id())).isEmpty();
        assertThatThrownBy(() -> workflows.createTask(new TaskRequest("feedback", complaint.id(), "follow_up",
                LocalText.of("x", "x"), "nobody-by-this-name", null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countingJobReportsTheGreetings(KehuTestHost kehu) {
        kehu.context().records().create(HelloForms.FORM, Map.of("message", "counted"));
        JobStatus status = kehu.runJob("greeting-count");
        assertThat(status.lastResult()).isEqualTo("ok");
        assertThat(status.done()).isPositive();
        assertThat(status.note()).isEqualTo("greetings counted");
    }

    @Test
    void greetingViewShowsTheConfiguredGreeting(KehuTestHost kehu) {
        kehu.context().settings().put(HelloSettings.GREETING, "欢迎来到客户");
        try (KehuUi ui = kehu.ui("staff")) {
            ui.navigate("apps/hello-kehu/" + GreetingView.PATH);
            assertThat(_get(H2.class, spec -> spec.withId("hello-greeting")).getText()).isEqualTo("欢迎来到客户");
            assertThat(_get(Paragraph.class, spec -> spec.withId("hello-count")).getText()).isNotBlank();
        } finally {
            kehu.context().settings().put(HelloSettings.GREETING, null);
        }
    }

    @Test
    void recipientPanelReadsTheRecordAsTheSignedInUser(KehuTestHost kehu) {
        RecordData greeting = kehu.recordsAs("staff").create(HelloForms.FORM,
                Map.of("message", "新年快乐", "recipient", "王经理"));
        RecordPanel panel = kehu.extension(RecordPanel.class, GreetingPanel.class);
        try (KehuUi ui = kehu.ui("staff")) {
            Component content = kehu.callAsUser("staff", () -> panel.create(kehu.context(), greeting.id()));
            assertThat(content).isInstanceOfSatisfying(Span.class, s -> assertThat(s.getText()).contains("王经理"));
        }
    }

    @Test
    void disablingKeepsTheFormsDataAndEnablingBringsTheViewBack(KehuTestHost kehu) {
        RecordData kept = kehu.recordsAs("admin").create(HelloForms.FORM, Map.of("message", "kept"));
        kehu.disablePlugin();
        try {
            assertThat(kehu.recordsAs("admin").get(HelloForms.FORM, kept.id())).isPresent();
        } finally {
            kehu.enablePlugin();
        }
        assertThat(kehu.pluginInfo().status().name()).isEqualTo("STARTED");
    }
}
