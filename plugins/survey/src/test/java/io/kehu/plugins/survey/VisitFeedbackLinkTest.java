package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service visit's feedback survey: the service-visit plugin's workflow names {@code send_link} on 客户签字确认
 * (sign_off), so when the customer signs, the visitor gets the personal link to the satisfaction survey tied to the
 * visit, and the response it brings names the visitor as the handler (a low score is followed up by someone else).
 * Both plugins run together, the service-visit plugin from its compiled classes (skipped with a message when it is
 * not compiled; the full build compiles it). Without the survey plugin the visit signs off as before
 * (service-visit's own {@code VisitFlowTest}).
 */
class VisitFeedbackLinkTest {

    static final Path VISIT_CLASSES = Path.of("../service-visit/target/classes");

    @Test
    void aSignedOffVisitGivesTheVisitorTheSurveyLinkTiedToTheVisit(@TempDir Path folder) throws IOException {
        assumeTrue(Files.isRegularFile(VISIT_CLASSES.resolve("META-INF/extensions.idx")),
                "plugins/service-visit is not compiled (../service-visit/target/classes): skipped");
        Path visits = new PluginUnderTest("service-visit", "io.kehu.plugins.visits.ServiceVisitPlugin", "1.0.0",
                ">=0.1.0", "", VISIT_CLASSES).packInto(folder);
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild()).otherPlugin(visits)
                .property("logging.level.root", "warn").start()) {
            new SurveyCatalog(kehu.context()).save(StandardSurvey.KEY, StandardSurvey.title(),
                    StandardSurvey.greeting(), StandardSurvey.questions(), "admin");
            long staff = kehu.context().users().byUsername("staff").orElseThrow().id();
            long customer = kehu.recordsAs("admin").create("customer", Map.of("name", "上门反馈客户",
                    "phone", "13800001111", "account_manager", staff)).id();
            long type = kehu.recordsAs("admin").create("visit_type", Map.of("name", "反馈测试保养 " + System.nanoTime(),
                    "kind", "maintenance")).id();
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
            RecordData booked = kehu.recordsAs("admin").create("service_visit", Map.of("subject", "年度保养",
                    "customer", customer, "visit_type", type, "visitor", staff, "planned_start", start,
                    "planned_end", start.plusHours(2)));
            var workflows = kehu.context().workflows();
            RecordData confirmed = kehu.callAsUser("staff", () -> workflows.transition("service_visit", booked.id(),
                    "confirm", null, booked.rowVersion()));
            RecordData onSite = kehu.callAsUser("staff", () -> workflows.transition("service_visit", confirmed.id(),
                    "check_in", null, confirmed.rowVersion()));
            RecordData signed = kehu.callAsUser("staff", () -> workflows.transition("service_visit", onSite.id(),
                    "sign_off", null, Map.of("signer_name", "周女士", "signature", "M10,10 L60,80 L120,20"),
                    onSite.rowVersion()));
            assertThat(signed.get("status")).isEqualTo("signed_off");

            List<RecordData> invitations = kehu.recordsAs("admin").search(SurveyForms.INVITATION)
                    .where("context_form", FilterOperator.EQUALS, "service_visit")
                    .where("context_id", FilterOperator.EQUALS, signed.id()).list();
            assertThat(invitations).singleElement().satisfies(i -> {
                assertThat(i.get("handler")).isEqualTo("staff");
                assertThat(((Number) i.get("customer")).longValue()).isEqualTo(customer);
            });
            // nobody holds a task here: the link goes to the one who took the step, the visitor at the customer's
            assertThat(kehu.notices("staff")).anySatisfy(n -> assertThat(n.zh())
                    .startsWith("请把问卷“客户满意度调查”的专属链接发给客户").contains("7 天内有效"));
        }
    }
}
