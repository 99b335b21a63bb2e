package io.kehu.platform.dedupe.match;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.dedupe.DuplicateRules;
import io.kehu.platform.security.Actor;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The duplicate rules an administrator saved per form ({@code kehu_duplicate_rules}, V16), as JSON. */
@Component
public class RuleStore {

    private static final Table<Record> RULES = table(name("kehu_duplicate_rules"));
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<String> CONTENT = field(name("rules"), String.class);
    private static final Field<Long> SAVED_BY = field(name("saved_by"), Long.class);
    private static final Field<OffsetDateTime> SAVED_AT = field(name("saved_at"), OffsetDateTime.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    RuleStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<DuplicateRules> saved(String formId) {
        return dsl.select(CONTENT).from(RULES).where(FORM_ID.eq(formId)).fetchOptional(CONTENT)
                .map(json -> JSON.readValue(json, DuplicateRules.class));
    }

    public void save(DuplicateRules rules, Actor actor) {
        String json = JSON.writeValueAsString(rules);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = dsl.update(RULES).set(CONTENT, json).set(SAVED_BY, actor.userId()).set(SAVED_AT, now)
                .where(FORM_ID.eq(rules.formId())).execute();
        if (updated == 0) {
            dsl.insertInto(RULES, FORM_ID, CONTENT, SAVED_BY, SAVED_AT).values(rules.formId(), json, actor.userId(),
                    now).execute();
        }
    }
}
