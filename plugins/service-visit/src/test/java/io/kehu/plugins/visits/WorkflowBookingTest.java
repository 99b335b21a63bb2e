package io.kehu.plugins.visits;

import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuPluginTest;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.workflows.WorkflowActionCall;
import io.kehu.sdk.workflows.WorkflowActionHandler;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The workflow action {@code book_visit}: a step of another process (here the complaint process's record) books a
 * visit naming its type by code and its customer and visitor by fields, once; what cannot be booked never stops the
 * step and is said to whoever took it. The handler is the plugin's real extension, run in a transaction as the
 * platform's workflow engine runs it (the engine's calling of plugin actions is the platform's own contract test).
 */
@KehuPluginTest
class WorkflowBookingTest {

    private static List<RecordData> visitsFrom(PluginContext context, long complaint) {
        return context.records().search(VisitForms.VISIT).where("source_form", FilterOperator.EQUALS, "feedback")
                .where("source_id", FilterOperator.EQUALS, complaint).limit(10).list();
    }

    @Test
    void aStepOfAnotherProcessBooksAVisitByTheTypesCodeOnceAndTellsWhenItCannot(KehuTestHost kehu) {
        PluginContext context = kehu.context();
        long staff = user(context, "staff");
        long customer = customer(context, "流程预约客户", null);
        RecordData complaint = context.records().create("feedback", Map.of("customer", customer,
                "feedback_type", "complaint", "severity", "high", "description", "空调漏水，需上门维修",
                "handler", staff, "received_at", OffsetDateTime.now()));
        WorkflowActionHandler action = kehu.extension(WorkflowActionHandler.class, BookVisitAction.class);
        assertThat(action.name()).isEqualTo("book_visit");
        WorkflowActionCall call = new WorkflowActionCall("workflow:complaint_handling", "assign", "feedback",
                complaint.id(), complaint.values(), "manager",
                Map.of("type", "repair", "visitor", "handler", "window", "afternoon", "days", "5"));

        context.transactions().call(() -> {
            action.run(call);
            return null;
        });
        List<RecordData> booked = visitsFrom(context, complaint.id());
        assertThat(booked).hasSize(1);
        RecordData visit = booked.getFirst();
        assertThat(visit.get("visitor")).isEqualTo(staff);
        assertThat(visit.get("customer")).isEqualTo(customer);
        assertThat(visit.get("visit_type")).isEqualTo(BookingScenarios.type(context, "repair"));
        assertThat(visit.get("origin")).isEqualTo("workflow");
        assertThat(visit.get("complaint")).isEqualTo(complaint.id());
        assertThat(visit.get("status")).isEqualTo("booked");
        OffsetDateTime start = (OffsetDateTime) visit.get("planned_start");
        LocalDate day = start.atZoneSameInstant(Texts.ZONE).toLocalDate();
        assertThat(day).isAfter(LocalDate.now(Texts.ZONE)).isBefore(LocalDate.now(Texts.ZONE).plusDays(10));
        assertThat(day.getDayOfWeek().getValue()).isLessThan(6);
        assertThat(start.atZoneSameInstant(Texts.ZONE).toLocalTime()).isAfterOrEqualTo(LocalTime.of(13, 30));
        assertThat(new VisitService(context).checks(visit.id())).isNotEmpty();

        // the step taken again while the visit is to come: no second visit
        context.transactions().call(() -> {
            action.run(call);
            return null;
        });
        assertThat(visitsFrom(context, complaint.id())).hasSize(1);

        // a type code that does not exist: nothing booked, the step is not stopped, the actor is told what to do
        RecordData other = context.records().create("feedback", Map.of("customer", customer,
                "feedback_type", "complaint", "severity", "low", "description", "另一条投诉",
                "handler", staff, "received_at", OffsetDateTime.now()));
        context.transactions().call(() -> {
            action.run(new WorkflowActionCall("workflow:complaint_handling", "assign", "feedback", other.id(),
                    other.values(), "manager", Map.of("type", "painting")));
            return null;
        });
        assertThat(visitsFrom(context, other.id())).isEmpty();
        assertThat(kehu.notices("manager")).extracting(LocalText::zh)
                .anySatisfy(n -> assertThat(n).startsWith("未能自动预约上门：没有“painting”类型的上门服务")
                        .endsWith("请在“上门服务总览”中手工预约。"));
    }
}
