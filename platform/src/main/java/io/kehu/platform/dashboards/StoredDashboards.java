package io.kehu.platform.dashboards;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboards designed in the browser ({@code kehu_dashboard}, migration V13), each stored in the file format of
 * {@code form-definitions/dashboards/} ({@link DashboardJson}); their ids are {@code d<row id>}.
 */
@Repository
class StoredDashboards {

    static final String PREFIX = "d";
    private static final Table<Record> DASHBOARD = table(name("kehu_dashboard"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<Long> OWNER_ID = field(name("owner_id"), Long.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> SHARED_WITH = field(name("shared_with"), String.class);
    private static final Field<String> CONTENT = field(name("content"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), OffsetDateTime.class);

    private final DSLContext dsl;

    StoredDashboards(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The actor's own dashboards and those shared with one of their roles, by name. */
    @Transactional(readOnly = true)
    List<DashboardDefinition> visibleTo(Actor actor) {
        return dsl.select(ID, OWNER_ID, SHARED_WITH, CONTENT).from(DASHBOARD)
                .where(OWNER_ID.eq(actor.userId()).or(SHARED_WITH.in(actor.roles().stream().map(Role::name)
                        .toList())))
                .orderBy(NAME, ID).fetch(StoredDashboards::toDefinition);
    }

    /**
     * Stores {@code dashboard} for {@code actor}: a new one when its id is not one of theirs, else a replacement.
     *
     * @return the stored dashboard (with its id)
     */
    @Transactional
    DashboardDefinition save(Actor actor, DashboardDefinition dashboard, Role sharedWith) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String label = dashboard.label().zh() != null ? dashboard.label().zh() : dashboard.label().en();
        String content = DashboardJson.write(dashboard);
        String role = sharedWith == null ? null : sharedWith.name();
        Optional<Long> existing = rowId(dashboard.id());
        if (existing.isPresent() && dsl.update(DASHBOARD).set(NAME, label).set(SHARED_WITH, role)
                .set(CONTENT, content).set(UPDATED_AT, now)
                .where(ID.eq(existing.get())).and(OWNER_ID.eq(actor.userId())).execute() == 1) {
            return toDefinition(existing.get(), actor.userId(), role, content);
        }
        long id = dsl.insertInto(DASHBOARD).set(OWNER_ID, actor.userId()).set(NAME, label).set(SHARED_WITH, role)
                .set(CONTENT, content).set(CREATED_AT, now).set(UPDATED_AT, now).returning(ID).fetchOne(ID);
        return toDefinition(id, actor.userId(), role, content);
    }

    /** Deletes one of the actor's own dashboards; others' are left alone. */
    @Transactional
    void delete(Actor actor, String dashboardId) {
        rowId(dashboardId).ifPresent(id -> dsl.deleteFrom(DASHBOARD).where(ID.eq(id))
                .and(OWNER_ID.eq(actor.userId())).execute());
    }

    static boolean isStored(String dashboardId) {
        return rowId(dashboardId).isPresent();
    }

    private static Optional<Long> rowId(String dashboardId) {
        if (dashboardId == null || !dashboardId.matches(PREFIX + "[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(dashboardId.substring(PREFIX.length())));
    }

    private static DashboardDefinition toDefinition(Record r) {
        return toDefinition(r.get(ID), r.get(OWNER_ID), r.get(SHARED_WITH), r.get(CONTENT));
    }

    private static DashboardDefinition toDefinition(long id, long owner, String role, String content) {
        DashboardDefinition read = DashboardJson.read("kehu_dashboard " + id, content);
        return new DashboardDefinition(PREFIX + id, read.label(), role == null ? java.util.Set.of()
                : java.util.Set.of(Role.valueOf(role)), java.util.Set.of(), read.widgets(), owner);
    }
}
