package io.kehu.platform.dashboards;

import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The dashboards: the shipped ones ({@code form-definitions/dashboards/*.json} on the classpath), each for some roles
 * with a default per role, and those managers and admins design in the browser (stored, personal or shared with a
 * role). A shipped file that cannot be read is logged and left out rather than breaking the screen.
 */
@Service
public class Dashboards {

    private static final Logger log = LoggerFactory.getLogger(Dashboards.class);
    private static final String SHIPPED = "classpath*:form-definitions/dashboards/*.json";

    private final List<DashboardDefinition> shipped = readShipped();
    private final StoredDashboards stored;

    Dashboards(StoredDashboards stored) {
        this.stored = stored;
    }

    /** The dashboards {@code actor} may open: the shipped ones for their roles, then their own and shared ones. */
    public List<DashboardDefinition> visibleTo(Actor actor) {
        List<DashboardDefinition> visible = new ArrayList<>(shipped.stream()
                .filter(d -> d.roles().stream().anyMatch(actor::hasRole)).toList());
        visible.addAll(stored.visibleTo(actor));
        return visible;
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

    /** Whether {@code actor} may design dashboards in the browser: managers and admins. */
    public static boolean mayDesign(Actor actor) {
        return actor.hasRole(Role.MANAGER) || actor.hasRole(Role.ADMIN);
    }

    /**
     * Stores a dashboard designed in the browser: new, or replacing one of the actor's own (same id).
     *
     * @param sharedWith the role everyone of which may open it, or {@code null} for the actor alone
     * @throws AccessRefusedException for a user who may not design dashboards
     */
    public DashboardDefinition save(Actor actor, DashboardDefinition dashboard, Role sharedWith) {
        requireDesigner(actor);
        return stored.save(actor, dashboard, sharedWith);
    }

    /** Deletes one of the actor's own dashboards. */
    public void delete(Actor actor, String id) {
        requireDesigner(actor);
        stored.delete(actor, id);
    }

    /** Reads one dashboard in the file format; a malformed one is an {@link IllegalArgumentException}. */
    public static DashboardDefinition read(String source, String json) {
        return DashboardJson.read(source, json);
    }

    private static void requireDesigner(Actor actor) {
        if (!mayDesign(actor)) {
            throw new AccessRefusedException("只有经理和管理员可以设计仪表盘",
                    "Only managers and administrators may design dashboards");
        }
    }

    private static List<DashboardDefinition> readShipped() {
        List<DashboardDefinition> found = new ArrayList<>();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(SHIPPED);
            List<Resource> sorted = new ArrayList<>(List.of(files));
            sorted.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource file : sorted) {
                try (InputStream in = file.getInputStream()) {
                    found.add(DashboardJson.read("dashboards/" + file.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
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
