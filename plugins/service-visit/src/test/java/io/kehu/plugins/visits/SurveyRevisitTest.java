package io.kehu.plugins.visits;

import static io.kehu.plugins.visits.BookingScenarios.bookFree;
import static io.kehu.plugins.visits.BookingScenarios.customer;
import static io.kehu.plugins.visits.BookingScenarios.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.testkit.KehuTestHost;
import io.kehu.sdk.testkit.PluginUnderTest;
import io.kehu.sdk.workflows.TaskInfo;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A low survey score about a visit starts the revisit, with the real survey plugin (its compiled classes, packed as
 * the build packs them) installed beside this one; a good score, or a response about something else, starts none.
 * Skipped with a message when the survey module is not compiled (the full build compiles it first). Without the
 * survey plugin every other test of this module runs — nothing depends on it.
 */
class SurveyRevisitTest {

    static final Path SURVEY_CLASSES = Path.of("../survey/target/classes");

    static Path survey(Path folder) throws IOException {
        assumeTrue(Files.isRegularFile(SURVEY_CLASSES.resolve("META-INF/extensions.idx")),
                "plugins/survey is not compiled (../survey/target/classes): the survey revisit test is skipped");
        return new PluginUnderTest("survey", "io.kehu.plugins.survey.SurveyPlugin", "1.0.0", ">=0.1.0", "",
                SURVEY_CLASSES).packInto(folder);
    }

    private static RecordData response(PluginContext context, long customer, String overall, boolean low,
            String contextForm, long contextId) {
        Map<String, Object> values = new HashMap<>();
        values.put("customer", customer);
        values.put("survey_title", "上门服务满意度");
        values.put("answered_at", OffsetDateTime.now());
        values.put("channel", "phone");
        values.put("survey", "visit_satisfaction");
        values.put("survey_version", 1L);
        values.put("score_overall", new BigDecimal(overall));
        values.put("low_score", low);
        values.put("context_form", contextForm);
        values.put("context_id", contextId);
        return context.records().create("survey_response", values);
    }

    private static List<TaskInfo> revisits(PluginContext context, long visitId) {
        return context.workflows().openTasks(VisitForms.VISIT, visitId).stream()
                .filter(t -> LowScoreRevisit.KIND.equals(t.kind())).toList();
    }

    @Test
    void aLowSurveyScoreAboutAVisitStartsARevisitBySomeoneElse(@TempDir Path folder) throws IOException {
        try (KehuTestHost kehu = KehuTestHost.builder().plugin(PluginUnderTest.fromBuild()).otherPlugin(survey(folder))
                .property("logging.level.root", "warn").start()) {
            PluginContext context = kehu.context();
            long customer = customer(context, "问卷低分客户", null);
            long staff = user(context, "staff");
            RecordData visit = bookFree(context, customer, "repair", staff, 10, 0);
            RecordData other = bookFree(context, customer, "repair", staff, 14, 0);

            response(context, customer, "5", false, VisitForms.VISIT, other.id());
            response(context, customer, "1", true, "feedback", visit.id()); // about a complaint, not this visit
            assertThat(revisits(context, other.id())).isEmpty();
            assertThat(revisits(context, visit.id())).isEmpty();

            response(context, customer, "1", true, VisitForms.VISIT, visit.id());
            List<TaskInfo> tasks = revisits(context, visit.id());
            assertThat(tasks).hasSize(1);
            assertThat(tasks.getFirst().title().zh()).isEqualTo("回访客户：上门服务满意度调查“上门服务满意度”低分，请由非上门人员回访");
            assertThat(tasks.getFirst().assignee()).isNotEqualTo("staff");
            // a second low answer: still one open revisit
            response(context, customer, "2", true, VisitForms.VISIT, visit.id());
            assertThat(revisits(context, visit.id())).hasSize(1);
        }
    }
}
