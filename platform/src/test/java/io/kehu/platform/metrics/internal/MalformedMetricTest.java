package io.kehu.platform.metrics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kehu.platform.forms.DefinitionReader;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Malformed metric definitions are refused with every problem at its JSON path; the shipped ones read cleanly. */
class MalformedMetricTest {

    private static final Map<String, FormDefinition> FORMS = new DefinitionReader()
            .readFolder(Path.of("../form-definitions")).stream()
            .collect(Collectors.toMap(FormDefinition::id, Function.identity()));
    private final MetricJson reader = new MetricJson(id -> Optional.ofNullable(FORMS.get(id)));

    private List<String> problems(String json) {
        MetricJson.Result result = reader.read("test.json", json);
        assertThat(result.definition()).isNull();
        return result.problems().stream().map(p -> p.path() + " " + p.message()).toList();
    }

    @Test
    void structuralMistakesAreReportedAtTheirPathBeforeAnythingElse() {
        assertThat(problems("""
                {"id": "x", "label": {"zh": "甲", "en": "A"}, "form": "feedback",
                 "measure": {"function": "count", "feild": "status"},
                 "time": {"field": "received_at", "grain": "fortnight"}}
                """)).anyMatch(p -> p.startsWith("$.measure.feild "))
                .anyMatch(p -> p.startsWith("$.time.grain "));
        assertThat(problems("{\"id\": \"x\", \"form\": \"feedback\", \"measure\": {\"function\": \"count\"}}"))
                .anyMatch(p -> p.startsWith("$.label "));
        assertThat(problems("{not json")).singleElement().asString().startsWith("$ not valid JSON");
    }

    @Test
    void checksAgainstTheFormNameTheExactPlace() {
        List<String> found = problems("""
                {"id": "x", "label": {"zh": "甲", "en": "A"}, "form": "feedback",
                 "measure": {"function": "ratio",
                   "numerator": {"function": "count", "filters": [
                     {"field": "status", "operator": "in", "values": ["resolved", "fixed"]}]},
                   "denominator": {"function": "sum", "field": "severity"}},
                 "filters": [{"field": "colour", "operator": "in", "values": ["red"]},
                             {"field": "status", "operator": "equals", "values": ["new"]},
                             {"field": "received_at", "operator": "greater_or_equal", "values": ["2026-01-01"]}],
                 "groupBy": ["description"],
                 "time": {"field": "received_at", "grain": "month"}}
                """);
        assertThat(found).anyMatch(p -> p.startsWith("$.filters[0].field form feedback has no field 'colour'"))
                .anyMatch(p -> p.startsWith("$.filters[1].operator the list view filters a select field with in"))
                .anyMatch(p -> p.startsWith("$.filters[2].field the time field is filtered by the dashboard's period"))
                .anyMatch(p -> p.startsWith("$.groupBy[0] group by an option"))
                .anyMatch(p -> p.startsWith("$.measure.numerator.filters[0].values[1] 'fixed' is not an option"))
                .anyMatch(p -> p.startsWith("$.measure.denominator.field sum needs a number or money field"));
        assertThat(problems("""
                {"id": "x", "label": {"zh": "甲", "en": "A"}, "form": "ticket", "measure": {"function": "count"}}
                """)).singleElement().asString().startsWith("$.form unknown form 'ticket'");
        assertThat(problems("""
                {"id": "x", "label": {"zh": "甲", "en": "A"}, "form": "feedback",
                 "measure": {"function": "avg", "field": "first_response_at", "since": "severity"}}
                """)).anyMatch(p -> p.startsWith("$.measure.since a duration needs two date-time fields"));
    }

    @Test
    void aPercentileNamesItsFractionAndMeasuresNumbersOrDurations() {
        assertThat(problems("""
                {"id": "x", "label": {"zh": "甲", "en": "A"}, "form": "feedback",
                 "measure": {"function": "percentile", "field": "first_response_at", "since": "received_at"}}
                """)).singleElement().asString().startsWith("$.measure.percentile a percentile needs 'percentile'");
        assertThat(problems("""
                {"id": "x", "label": {"zh": "甲", "en": "A"}, "form": "feedback",
                 "measure": {"function": "percentile", "percentile": 0.9, "field": "severity"}}
                """)).anyMatch(p -> p.startsWith("$.measure.field percentile needs a number or money field"));
        assertThat(problems("""
                {"id": "x", "label": {"zh": "甲", "en": "A"}, "form": "feedback",
                 "measure": {"function": "percentile", "percentile": 90, "field": "first_response_at",
                             "since": "received_at"}}
                """)).anyMatch(p -> p.startsWith("$.measure.percentile "));
        assertThat(problems("""
                {"id": "x", "label": {"zh": "甲", "en": "A"}, "form": "feedback",
                 "measure": {"function": "count", "percentile": 0.5}}
                """)).anyMatch(p -> p.startsWith("$.measure.percentile 'percentile' belongs to a percentile only"));
    }

    @Test
    void theShippedMetricsReadWithoutProblems() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("../form-definitions/metrics"))) {
            for (Path file : files.toList()) {
                MetricJson.Result result = reader.read(file.toString(), Files.readString(file));
                assertThat(result.problems()).as(file.toString()).extracting(MetricProblem::toString).isEmpty();
                MetricDefinition metric = result.definition();
                assertThat(file.getFileName().toString()).isEqualTo(metric.id() + ".json");
                assertThat(metric.label().zh()).isNotBlank();
                assertThat(metric.label().en()).isNotBlank();
            }
        }
    }
}
