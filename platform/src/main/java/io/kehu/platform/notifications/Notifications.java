package io.kehu.platform.notifications;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.forms.LocalizedText;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Service;

/**
 * The in-app notifications front: send one to a user, the unread count for the bell, the newest ones, mark read. A
 * notification is written in the caller's transaction, so one sent about a change exists only if the change
 * committed. Every read and mark is limited to the user's own notifications.
 */
@Service
public class Notifications {

    /** How many notifications the bell lists at most. */
    public static final int MAX_LIST = 50;
    private static final int MAX_TITLE = 400;
    private static final Table<Record> NOTIFICATION = table(name("kehu_notification"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<Long> USER_ID = field(name("user_id"), Long.class);
    private static final Field<String> KIND = field(name("kind"), String.class);
    private static final Field<String> TITLE_ZH = field(name("title_zh"), String.class);
    private static final Field<String> TITLE_EN = field(name("title_en"), String.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> READ_AT = field(name("read_at"), OffsetDateTime.class);

    private final DSLContext dsl;
    private final Clock clock;

    Notifications(DSLContext dsl) {
        this.dsl = dsl;
        this.clock = Clock.systemUTC();
    }

    /**
     * Tells {@code userId} {@code title}, optionally about a record; returns the notification's id.
     *
     * @param kind what sort it is, e.g. {@code task}
     */
    public long notify(long userId, String kind, LocalizedText title, String formId, Long recordId) {
        return dsl.insertInto(NOTIFICATION)
                .columns(USER_ID, KIND, TITLE_ZH, TITLE_EN, FORM_ID, RECORD_ID, CREATED_AT)
                .values(userId, kind, cut(title.zh()), cut(title.en()), formId, recordId,
                        clock.instant().atOffset(ZoneOffset.UTC))
                .returningResult(ID)
                .fetchOne(ID);
    }

    /** How many notifications {@code userId} has not read. */
    public int unreadCount(long userId) {
        return dsl.select(count()).from(NOTIFICATION).where(USER_ID.eq(userId).and(READ_AT.isNull()))
                .fetchOne(0, Integer.class);
    }

    /** The user's newest notifications, unread and read, newest first (at most {@code limit}, {@value #MAX_LIST}). */
    public List<Notification> recent(long userId, int limit) {
        return dsl.select(ID, USER_ID, KIND, TITLE_ZH, TITLE_EN, FORM_ID, RECORD_ID, CREATED_AT, READ_AT)
                .from(NOTIFICATION)
                .where(USER_ID.eq(userId))
                .orderBy(ID.desc())
                .limit(Math.clamp(limit, 1, MAX_LIST))
                .fetch(Notifications::notification);
    }

    /** Marks one of the user's notifications read; false when it is not theirs or was read already. */
    public boolean markRead(long userId, long notificationId) {
        return dsl.update(NOTIFICATION).set(READ_AT, now())
                .where(ID.eq(notificationId).and(USER_ID.eq(userId)).and(READ_AT.isNull()))
                .execute() == 1;
    }

    /** Marks all of the user's notifications read; returns how many were unread. */
    public int markAllRead(long userId) {
        return dsl.update(NOTIFICATION).set(READ_AT, now())
                .where(USER_ID.eq(userId).and(READ_AT.isNull()))
                .execute();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text) {
        String value = text == null ? "" : text;
        return value.length() <= MAX_TITLE ? value : value.substring(0, MAX_TITLE - 1) + "…";
    }

    private static Notification notification(Record r) {
        OffsetDateTime read = r.get(READ_AT);
        return new Notification(r.get(ID), r.get(USER_ID), r.get(KIND),
                LocalizedText.of(r.get(TITLE_ZH), r.get(TITLE_EN)), r.get(FORM_ID), r.get(RECORD_ID),
                r.get(CREATED_AT).toInstant(), read == null ? null : read.toInstant());
    }
}
