package io.kehu.platform.calendar;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/** The table {@code kehu_business_calendar} (V38): the company's edited calendar as JSON, with its row version. */
@Component
class CalendarStore {

    private static final Table<Record> CALENDAR = table(name("kehu_business_calendar"));
    private static final Field<String> ID = field(name("id"), String.class);
    private static final Field<String> DOCUMENT = field(name("document"), SQLDataType.CLOB);
    private static final Field<Integer> ROW_VERSION = field(name("row_version"), Integer.class);
    private static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"),
            SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<String> UPDATED_BY = field(name("updated_by"), String.class);

    /** A stored calendar's text and version. */
    record Stored(String document, int version) {
    }

    private final DSLContext dsl;

    CalendarStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<Stored> find(String id) {
        return dsl.select(DOCUMENT, ROW_VERSION).from(CALENDAR).where(ID.eq(id))
                .fetchOptional(r -> new Stored(r.get(DOCUMENT), r.get(ROW_VERSION)));
    }

    /**
     * Stores version {@code expected + 1}; false when the row is not at {@code expected} (someone saved in between).
     * Version 0 means "no row yet": two first saves race on the primary key, and the loser sees false.
     */
    boolean save(String id, String document, int expected, String by, OffsetDateTime now) {
        if (expected == 0) {
            try {
                return dsl.insertInto(CALENDAR).set(ID, id).set(DOCUMENT, document).set(ROW_VERSION, 1)
                        .set(UPDATED_AT, now).set(UPDATED_BY, by).execute() == 1;
            } catch (IntegrityConstraintViolationException e) {
                return false;
            }
        }
        return dsl.update(CALENDAR).set(DOCUMENT, document).set(ROW_VERSION, expected + 1).set(UPDATED_AT, now)
                .set(UPDATED_BY, by).where(ID.eq(id)).and(ROW_VERSION.eq(expected)).execute() == 1;
    }

    /** Forgets the company's calendar (tests put the shipped one back this way). */
    void delete(String id) {
        dsl.deleteFrom(CALENDAR).where(ID.eq(id)).execute();
    }
}
