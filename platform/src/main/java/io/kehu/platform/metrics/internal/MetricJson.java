package io.kehu.platform.metrics.internal;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.metrics.MetricDefinition;
import io.kehu.platform.metrics.MetricDefinition.Direction;
import io.kehu.platform.metrics.MetricDefinition.Function;
import io.kehu.platform.metrics.MetricDefinition.Grain;
import io.kehu.platform.metrics.MetricDefinition.Measure;
import io.kehu.platform.metrics.MetricDefinition.Target;
import io.kehu.platform.metrics.MetricDefinition.TimeAxis;
import io.kehu.platform.metrics.MetricDefinition.Unit;
import io.kehu.platform.metrics.MetricProblem;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one metric definition: first the JSON Schema ({@code form-definitions/schema/metric-definition.schema.json})
 * for the structure, then the checks against the form (fields exist, a measure fits its field, filters are ones the
 * list view can show so drill-through lists exactly the measured records). Every problem names its JSON path.
 */
public final class MetricJson {

    static final String SCHEMA = "form-definitions/schema/metric-definition.schema.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema SCHEMA_INSTANCE = loadSchema();

    private final java.util.function.Function<String, Optional<FormDefinition>> forms;

    /** @param forms the published forms by id */
    public MetricJson(java.util.function.Function<String, Optional<FormDefinition>> forms) {
        this.forms = forms;
    }

    /** The definition in {@code text}, or the problems found (never both). */
    public Result read(String source, String text) {
        List<MetricProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return new Result(null, List.of(new MetricProblem(source, "$", "not valid JSON: "
                    + e.getOriginalMessage())));
        }
        for (Error error : SCHEMA_INSTANCE.validate(root)) {
            problems.add(new MetricProblem(source, path(error), error.getMessage()));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        FormDefinition form = forms.apply(root.path("form").asString()).orElse(null);
        if (form == null) {
            return new Result(null, List.of(new MetricProblem(source, "$.form", "unknown form '"
                    + root.path("form").asString() + "': publish it first or name a published form")));
        }
        MetricChecks checks = new MetricChecks(source, form, problems);
        TimeAxis time = null;
        if (root.has("time")) {
            JsonNode t = root.get("time");
            time = new TimeAxis(t.path("field").asString(), Grain.valueOf(upper(t.path("grain").asString())));
            checks.timeField(time.field(), "$.time.field");
        }
        List<Filter> filters = filters(root.path("filters"), "$.filters", checks, time);
        List<String> groupBy = new ArrayList<>();
        for (int i = 0; i < root.path("groupBy").size(); i++) {
            String field = root.path("groupBy").get(i).asString();
            checks.groupField(field, "$.groupBy[" + i + "]");
            groupBy.add(field);
        }
        Measure measure = measure(root.get("measure"), "$.measure", checks, true);
        Target target = null;
        if (root.has("target")) {
            target = new Target(root.path("target").path("value").decimalValue(),
                    Direction.valueOf(upper(root.path("target").path("direction").asString())),
                    root.path("target").has("owner") ? root.path("target").get("owner").asString() : null);
            if (target.owner() != null && time == null) {
                checks.problem("$.target.owner", "a target's owner is told about closed periods that miss it: "
                        + "give the metric a 'time' field");
            }
        }
        Unit unit = root.has("unit") ? Unit.valueOf(upper(root.path("unit").asString()))
                : defaultUnit(measure, form);
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        LocalizedText label = LocalizedText.of(root.path("label").path("zh").asString(),
                root.path("label").path("en").asString());
        return new Result(new MetricDefinition(root.path("id").asString(), root.path("version").asInt(1), label,
                form.id(), measure, filters, groupBy, time,
                "previous_period".equals(root.path("compare").asString("none")), target,
                root.path("minimumN").asInt(0), unit), List.of());
    }

    /** A definition or its problems. */
    public record Result(MetricDefinition definition, List<MetricProblem> problems) {
    }

    private Measure measure(JsonNode node, String path, MetricChecks checks, boolean top) {
        Function function = Function.valueOf(upper(node.path("function").asString()));
        String field = node.has("field") ? node.get("field").asString() : null;
        String since = node.has("since") ? node.get("since").asString() : null;
        List<Filter> filters = filters(node.path("filters"), path + ".filters", checks, null);
        Measure numerator = null;
        Measure denominator = null;
        if (function == Function.RATIO) {
            if (!top) {
                checks.problem(path + ".function", "a ratio's parts must be plain measures, not ratios");
            } else if (!node.has("numerator") || !node.has("denominator")) {
                checks.problem(path, "a ratio needs a numerator and a denominator");
            } else {
                numerator = measure(node.get("numerator"), path + ".numerator", checks, false);
                denominator = measure(node.get("denominator"), path + ".denominator", checks, false);
            }
            if (field != null) {
                checks.problem(path + ".field", "a ratio measures through its numerator and denominator, not a field");
            }
        } else {
            if (node.has("numerator") || node.has("denominator")) {
                checks.problem(path, "numerator and denominator belong to a ratio only");
            }
            checks.measured(function, field, since, path);
        }
        java.math.BigDecimal percentile = node.has("percentile") ? node.get("percentile").decimalValue() : null;
        if ((function == Function.PERCENTILE) != (percentile != null)) {
            checks.problem(path + ".percentile", function == Function.PERCENTILE
                    ? "a percentile needs 'percentile', e.g. 0.9 for p90" : "'percentile' belongs to a percentile only");
            percentile = null;
        }
        return new Measure(function, field, since, filters, numerator, denominator,
                function == Function.PERCENTILE ? percentile : null);
    }

    private List<Filter> filters(JsonNode list, String path, MetricChecks checks, TimeAxis time) {
        List<Filter> filters = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            String at = path + "[" + i + "]";
            String field = f.path("field").asString();
            Operator operator = Operator.valueOf(upper(f.path("operator").asString()));
            List<Object> values = new ArrayList<>();
            f.path("values").forEach(v -> values.add(v.isNumber() ? v.decimalValue()
                    : v.isBoolean() ? (Object) v.asBoolean() : v.asString()));
            if (time != null && time.field().equals(field)) {
                checks.problem(at + ".field", "the time field is filtered by the dashboard's period; "
                        + "filter another field");
                continue;
            }
            Filter filter = new Filter(field, operator, values);
            if (filters.stream().anyMatch(o -> o.column().equals(field) && o.operator() == operator)) {
                checks.problem(at, "a second '" + f.path("operator").asString() + "' filter on " + field
                        + ": combine them into one");
            }
            checks.filter(filter, at);
            filters.add(filter);
        }
        return filters;
    }

    private static Unit defaultUnit(Measure measure, FormDefinition form) {
        if (measure.function() == Function.RATIO) {
            return Unit.PERCENT;
        }
        if (measure.duration()) {
            return Unit.HOURS;
        }
        boolean money = measure.field() != null && form.field(measure.field())
                .map(FieldDefinition::storedType).filter(t -> t == io.kehu.platform.forms.FieldType.MONEY).isPresent();
        return money && measure.function() != Function.COUNT_DISTINCT ? Unit.MONEY : Unit.NUMBER;
    }

    private static String upper(String value) {
        return value.toUpperCase(Locale.ROOT);
    }

    private static String path(Error error) {
        StringBuilder path = new StringBuilder("$");
        var location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
        }
        if ("additionalProperties".equals(error.getKeyword()) || "required".equals(error.getKeyword())) {
            path.append('.').append(error.getProperty());
        }
        return path.toString();
    }

    private static Schema loadSchema() {
        try (InputStream in = MetricJson.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath; the platform build copies it "
                        + "from form-definitions/schema");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SCHEMA, e);
        }
    }
}
