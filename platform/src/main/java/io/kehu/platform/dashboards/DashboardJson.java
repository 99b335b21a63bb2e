package io.kehu.platform.dashboards;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The dashboard file format ({@code form-definitions/dashboards/*.json}), read and written. */
final class DashboardJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DashboardJson() {
    }

    /** Reads one dashboard; a missing id or label, an unknown chart or role is an {@link IllegalArgumentException}. */
    static DashboardDefinition read(String source, String json) {
        JsonNode root = JSON.readTree(json);
        List<DashboardDefinition.Widget> widgets = new ArrayList<>();
        JsonNode list = root.path("widgets");
        for (int i = 0; i < list.size(); i++) {
            JsonNode w = list.get(i);
            List<String> metrics = new ArrayList<>();
            if (w.has("metric")) {
                metrics.add(w.get("metric").asString());
            }
            w.path("metrics").forEach(m -> metrics.add(m.asString()));
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException(source + " $.widgets[" + i + "]: name a 'metric'");
            }
            DashboardDefinition.Chart chart;
            try {
                chart = DashboardDefinition.Chart.valueOf(w.path("chart").asString("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " $.widgets[" + i + "].chart: one of number, bar, "
                        + "stacked_bar, line, pie, doughnut, table, funnel");
            }
            List<String> stages = new ArrayList<>();
            w.path("stages").forEach(st -> stages.add(st.asString()));
            // "wide": true is the whole row (files from before widgets had columns and a height)
            int columns = w.path("columns").asInt(w.path("wide").asBoolean(false)
                    ? DashboardDefinition.Widget.COLUMNS : 1);
            int height = w.path("height").asInt(DashboardDefinition.Widget.STANDARD_HEIGHT);
            if (columns < 1 || columns > DashboardDefinition.Widget.COLUMNS) {
                throw new IllegalArgumentException(source + " $.widgets[" + i + "].columns: 1 to "
                        + DashboardDefinition.Widget.COLUMNS);
            }
            if (height < 1 || height > DashboardDefinition.Widget.MAX_HEIGHT) {
                String where = source + " $.widgets[" + i + "].height";
                throw new IllegalArgumentException(where + ": 1 (short), 2 (standard) or 3 (tall)");
            }
            widgets.add(new DashboardDefinition.Widget(metrics, chart, text(w.get("label")), columns, height,
                    "time".equals(w.path("over").asString("")), stages));
        }
        LocalizedText label = text(root.get("label"));
        if (!root.hasNonNull("id") || label == null) {
            throw new IllegalArgumentException(source + " $: a dashboard needs an 'id' and a 'label' (zh and en)");
        }
        return new DashboardDefinition(root.get("id").asString(), label, roles(root.path("roles")),
                roles(root.path("defaultFor")), widgets, null);
    }

    static String write(DashboardDefinition d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", d.id());
        text(root.putObject("label"), d.label());
        ArrayNode roles = root.putArray("roles");
        d.roles().stream().sorted().forEach(r -> roles.add(r.name().toLowerCase(Locale.ROOT)));
        ArrayNode widgets = root.putArray("widgets");
        for (DashboardDefinition.Widget w : d.widgets()) {
            ObjectNode node = widgets.addObject();
            if (w.metrics().size() == 1) {
                node.put("metric", w.metrics().get(0));
            } else {
                ArrayNode metrics = node.putArray("metrics");
                w.metrics().forEach(metrics::add);
            }
            node.put("chart", w.chart().name().toLowerCase(Locale.ROOT));
            if (w.label() != null) {
                text(node.putObject("label"), w.label());
            }
            if (w.columns() != 1) {
                node.put("columns", w.columns());
            }
            if (w.height() != DashboardDefinition.Widget.STANDARD_HEIGHT) {
                node.put("height", w.height());
            }
            if (w.overTime()) {
                node.put("over", "time");
            }
            if (!w.stages().isEmpty()) {
                ArrayNode stages = node.putArray("stages");
                w.stages().forEach(stages::add);
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static void text(ObjectNode node, LocalizedText text) {
        node.put("zh", text.zh());
        node.put("en", text.en());
    }

    private static LocalizedText text(JsonNode node) {
        return node == null || node.isNull() ? null : LocalizedText.of(node.path("zh").asString(),
                node.path("en").asString());
    }

    private static Set<Role> roles(JsonNode list) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        list.forEach(r -> roles.add(Role.valueOf(r.asString().toUpperCase(Locale.ROOT))));
        return roles;
    }
}
