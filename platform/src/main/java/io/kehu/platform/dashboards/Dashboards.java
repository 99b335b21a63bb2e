package io.kehu.platform.dashboards;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards: the shipped ones ({@code form-definitions/dashboards/*.json} on the classpath), each for some roles,
 * with a default per role. A definition that cannot be read is logged and left out rather than breaking the screen.
 */
@Service
public class Dashboards {

    private static final Logger log = LoggerFactory.getLogger(Dashboards.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SHIPPED = "classpath*:form-definitions/dashboards/*.json";

    private final List<DashboardDefinition> shipped = readShipped();

    /** The dashboards {@code actor} may open, by label order of the files. */
    public List<DashboardDefinition> visibleTo(Actor actor) {
        return shipped.stream().filter(d -> d.roles().stream().anyMatch(actor::hasRole)).toList();
    }

    /** The dashboard {@code actor} sees first: the default for one of their roles, else the first they may open. */
    public Optional<DashboardDefinition> defaultFor(Actor actor) {
        List<DashboardDefinition> visible = visibleTo(actor);
        for (Role role : Role.values()) { // ADMIN before MANAGER before STAFF
            if (actor.hasRole(role)) {
                Optional<DashboardDefinition> own = visible.stream().filter(d -> d.defaultFor().contains(role))
                        .findFirst();
                if (own.isPresent()) {
                    return own;
                }
            }
        }
        return visible.stream().findFirst();
    }

    public Optional<DashboardDefinition> visible(Actor actor, String id) {
        return visibleTo(actor).stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Reads one dashboard definition; unknown charts or missing keys are an {@link IllegalArgumentException}. */
    public static DashboardDefinition read(String source, String json) {
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
                        + "stacked_bar, line, pie, doughnut, table");
            }
            widgets.add(new DashboardDefinition.Widget(metrics, chart, text(w.get("label")),
                    w.path("wide").asBoolean(false), "time".equals(w.path("over").asString(""))));
        }
        LocalizedText label = text(root.get("label"));
        if (!root.hasNonNull("id") || label == null) {
            throw new IllegalArgumentException(source + " $: a dashboard needs an 'id' and a 'label' (zh and en)");
        }
        return new DashboardDefinition(root.get("id").asString(), label, roles(root.path("roles")),
                roles(root.path("defaultFor")), widgets);
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

    private static List<DashboardDefinition> readShipped() {
        List<DashboardDefinition> found = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(SHIPPED);
            List<Resource> sorted = new ArrayList<>(List.of(files));
            sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource file : sorted) {
                try (InputStream in = file.getInputStream()) {
                    found.add(read("dashboards/" + file.getFilename(), new String(in.readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8)));
                } catch (RuntimeException e) {
                    log.warn("Dashboard {} is not used: {}", file.getFilename(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped dashboards", e);
        }
        return List.copyOf(found);
    }
}
