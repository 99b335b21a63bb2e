package io.kehu.platform.views;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import io.kehu.platform.records.RecordQuery.Sort;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The saved list views ({@code kehu_saved_view}, migration V4). A view is stored as a small JSON document so its
 * shape can grow (new filter kinds, column widths) without migrations; filter values are kept as text, which the
 * record store converts like any typed-in value.
 */
@Service
class SavedViews {

    private static final Table<Record> VIEW = table(name("kehu_saved_view"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> OWNER_ID = field(name("owner_id"), Long.class);
    private static final Field<String> NAME = field(name("name"), String.class);
    private static final Field<String> SHARED_WITH = field(name("shared_with"), String.class);
    private static final Field<String> CONTENT = field(name("content"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    SavedViews(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The user's own views of the form and those shared with one of their roles, by name. */
    @Transactional(readOnly = true)
    List<SavedView> visibleTo(Actor actor, String formId) {
        Condition shared = SHARED_WITH.in(actor.roles().stream().map(Role::name).toList());
        return dsl.select(ID, FORM_ID, OWNER_ID, NAME, SHARED_WITH, CONTENT).from(VIEW)
                .where(FORM_ID.eq(formId)).and(OWNER_ID.eq(actor.userId()).or(shared))
                .orderBy(NAME, ID)
                .fetch(SavedViews::toView);
    }

    /** Saves the view under {@code name}, replacing the user's own view of that name. */
    @Transactional
    SavedView save(Actor actor, String formId, String viewName, Role sharedWith, ViewState state) {
        String content = write(state);
        String role = sharedWith == null ? null : sharedWith.name();
        int updated = dsl.update(VIEW).set(CONTENT, content).set(SHARED_WITH, role)
                .where(FORM_ID.eq(formId)).and(OWNER_ID.eq(actor.userId())).and(NAME.eq(viewName))
                .execute();
        if (updated == 0) {
            dsl.insertInto(VIEW).set(FORM_ID, formId).set(OWNER_ID, actor.userId()).set(NAME, viewName)
                    .set(SHARED_WITH, role).set(CONTENT, content)
                    .set(CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC)).execute();
        }
        return visibleTo(actor, formId).stream()
                .filter(v -> v.ownerId() == actor.userId() && v.name().equals(viewName))
                .findFirst().orElseThrow();
    }

    /** Deletes one of the user's own views; views of others are left alone. */
    @Transactional
    void delete(Actor actor, long id) {
        dsl.deleteFrom(VIEW).where(ID.eq(id)).and(OWNER_ID.eq(actor.userId())).execute();
    }

    static String write(ViewState state) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode columns = root.putArray("columns");
        state.columns().forEach(columns::add);
        ArrayNode sorts = root.putArray("sorts");
        state.sorts().forEach(s -> sorts.addObject().put("column", s.column()).put("descending", s.descending()));
        if (state.search() != null) {
            root.put("search", state.search());
        }
        ArrayNode filters = root.putArray("filters");
        for (Filter f : state.filters()) {
            ObjectNode node = filters.addObject().put("column", f.column()).put("operator", f.operator().name());
            ArrayNode values = node.putArray("values");
            f.values().forEach(v -> values.add(v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v)));
        }
        return JSON.writeValueAsString(root);
    }

    static ViewState read(String content) {
        JsonNode root = JSON.readTree(content);
        List<String> columns = new ArrayList<>();
        root.path("columns").forEach(c -> columns.add(c.asString()));
        List<Sort> sorts = new ArrayList<>();
        root.path("sorts").forEach(s -> sorts.add(new Sort(s.path("column").asString(),
                s.path("descending").asBoolean())));
        List<Filter> filters = new ArrayList<>();
        for (JsonNode f : root.path("filters")) {
            List<Object> values = new ArrayList<>();
            f.path("values").forEach(v -> values.add(v.asString()));
            filters.add(new Filter(f.path("column").asString(), Operator.valueOf(f.path("operator").asString()),
                    values));
        }
        JsonNode search = root.get("search");
        return new ViewState(columns, sorts, search == null ? null : search.asString(), filters);
    }

    private static SavedView toView(Record r) {
        String role = r.get(SHARED_WITH);
        return new SavedView(r.get(ID), r.get(FORM_ID), r.get(OWNER_ID), r.get(NAME),
                role == null ? null : Role.valueOf(role), read(r.get(CONTENT)));
    }
}
