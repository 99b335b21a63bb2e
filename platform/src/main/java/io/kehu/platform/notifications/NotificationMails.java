package io.kehu.platform.notifications;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * The mail side of {@code kehu_notification}: each notification row is its own e-mail's outbox (V25), so a mail
 * exists exactly when its notification committed and survives a restart. A row is claimed for a few minutes before
 * sending (optimistically, on its attempt count, so two nodes never send the same attempt); a node that dies
 * mid-send lets the claim lapse and another node sends it again — at least once.
 */
@Component
public class NotificationMails {

    private static final Table<Record> NOTIFICATION = table(name("kehu_notification"));
    private static final Table<Record> USER = table(name("kehu_user"));
    private static final Field<Long> ID = field(name("kehu_notification", "id"), Long.class);
    /** The notification's id in statements on its table alone (updates), where the qualified name does not apply. */
    private static final Field<Long> OWN_ID = field(name("id"), Long.class);
    private static final Field<Long> USER_ID = field(name("kehu_notification", "user_id"), Long.class);
    private static final Field<String> TITLE_ZH = field(name("title_zh"), String.class);
    private static final Field<String> TITLE_EN = field(name("title_en"), String.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> RECORD_ID = field(name("record_id"), Long.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("kehu_notification", "created_at"),
            OffsetDateTime.class);
    private static final Field<String> MAIL_STATE = field(name("mail_state"), String.class);
    private static final Field<Integer> MAIL_ATTEMPTS = field(name("mail_attempts"), Integer.class);
    private static final Field<OffsetDateTime> MAIL_NEXT_AT = field(name("mail_next_at"), OffsetDateTime.class);
    private static final Field<Long> USER_KEY = field(name("kehu_user", "id"), Long.class);
    private static final Field<String> EMAIL = field(name("email"), String.class);
    private static final Field<Boolean> EMAIL_NOTICES = field(name("email_notices"), Boolean.class);
    private static final Field<Boolean> ENABLED = field(name("enabled"), Boolean.class);
    private static final Field<String> LOCALE = field(name("locale"), String.class);
    private static final Field<String> DISPLAY_NAME = field(name("display_name"), String.class);

    /** States, as stored. */
    static final String SENDING = "sending";
    static final String RETRY = "retry";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    /**
     * A notification waiting to be mailed, with its recipient.
     *
     * @param attempts how often it was tried before
     */
    public record Pending(long id, long userId, String email, String languageTag, String displayName,
                          String titleZh, String titleEn, String formId, Long recordId, int attempts) {
    }

    private final DSLContext dsl;

    NotificationMails(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Notifications due for mailing at {@code now}, oldest first: created since {@code since}, to enabled users with an
     * address who want notices, never tried or due again (a retry, or a claim that lapsed).
     */
    public List<Pending> due(Instant now, Instant since, int limit) {
        return dsl.select(ID, USER_ID, EMAIL, LOCALE, DISPLAY_NAME, TITLE_ZH, TITLE_EN, FORM_ID, RECORD_ID,
                        MAIL_ATTEMPTS)
                .from(NOTIFICATION).join(USER).on(USER_KEY.eq(USER_ID))
                .where(EMAIL.isNotNull().and(EMAIL_NOTICES.isTrue()).and(ENABLED.isTrue())
                        .and(CREATED_AT.ge(utc(since)))
                        .and(MAIL_STATE.isNull().or(MAIL_STATE.in(SENDING, RETRY).and(MAIL_NEXT_AT.le(utc(now))))))
                .orderBy(ID)
                .limit(limit)
                .fetch(r -> new Pending(r.get(ID), r.get(USER_ID), r.get(EMAIL), r.get(LOCALE), r.get(DISPLAY_NAME),
                        r.get(TITLE_ZH), r.get(TITLE_EN), r.get(FORM_ID), r.get(RECORD_ID), r.get(MAIL_ATTEMPTS)));
    }

    /** Claims {@code pending}'s next attempt until {@code until}; false when another node claimed it first. */
    public boolean claim(Pending pending, Instant until) {
        return dsl.update(NOTIFICATION)
                .set(MAIL_STATE, SENDING).set(MAIL_NEXT_AT, utc(until)).set(MAIL_ATTEMPTS, pending.attempts() + 1)
                .where(OWN_ID.eq(pending.id()).and(MAIL_ATTEMPTS.eq(pending.attempts())))
                .execute() == 1;
    }

    /** The mail went out. */
    public void sent(long id) {
        dsl.update(NOTIFICATION).set(MAIL_STATE, SENT).setNull(MAIL_NEXT_AT)
                .where(OWN_ID.eq(id)).execute();
    }

    /** The attempt failed: tried again from {@code retryAt}, or never again when it is null. */
    public void failed(long id, Instant retryAt) {
        dsl.update(NOTIFICATION).set(MAIL_STATE, retryAt == null ? FAILED : RETRY)
                .set(MAIL_NEXT_AT, retryAt == null ? null : utc(retryAt))
                .where(OWN_ID.eq(id)).execute();
    }

    /** A notification's mail state as stored (null: not mailed, or not yet). */
    public String state(long id) {
        return dsl.select(MAIL_STATE).from(NOTIFICATION).where(OWN_ID.eq(id))
                .fetchOne(MAIL_STATE);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
