package io.kehu.platform.security;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * The stored trail of sign-in throttling ({@code kehu_login_event}): pauses that began and pauses an administrator
 * lifted, with the administrator's name as it was then. Also written to the {@value LoginThrottle#AUDIT_LOGGER} log.
 */
@Service
public class LoginEvents implements LoginEventLog {

    /** A stored event; {@code username} or {@code address} is null when the event concerns only the other. */
    public record LoginEvent(String kind, String username, String accountName, String address, Integer failures,
                             Integer pauseSeconds, Integer lifted, String actorName, Instant at) {

        public boolean isUnlock() {
            return "unlock".equals(kind);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);
    private static final int NAME_LENGTH = 64;

    private static final Table<Record> EVENT = table(name("kehu_login_event")).as("e");
    private static final Field<Long> ID = field(name("e", "id"), Long.class);
    private static final Field<String> KIND = field(name("e", "event"), String.class);
    private static final Field<String> USERNAME = field(name("e", "username"), String.class);
    private static final Field<String> ADDRESS = field(name("e", "address"), String.class);
    private static final Field<Integer> FAILURES = field(name("e", "failures"), Integer.class);
    private static final Field<Integer> PAUSE_SECONDS = field(name("e", "pause_seconds"), Integer.class);
    private static final Field<Integer> LIFTED = field(name("e", "lifted"), Integer.class);
    private static final Field<String> ACTOR_USERNAME = field(name("e", "actor_username"), String.class);
    private static final Field<String> ACTOR_NAME = field(name("e", "actor_name"), String.class);
    private static final Field<OffsetDateTime> AT = field(name("e", "at"), OffsetDateTime.class);
    private static final Table<Record> USER = table(name("kehu_user")).as("u");
    private static final Field<String> USER_USERNAME = field(name("u", "username"), String.class);
    private static final Field<String> USER_NAME = field(name("u", "display_name"), String.class);

    private final DSLContext dsl;
    private final UserAccounts accounts;

    LoginEvents(DSLContext dsl, UserAccounts accounts) {
        this.dsl = dsl;
        this.accounts = accounts;
    }

    @Override
    public void paused(String username, String address, int failures, Duration pause, Instant at) {
        insert("pause", username, address, failures, (int) pause.toSeconds(), null, null, null, at);
    }

    @Override
    public void unlocked(String username, String address, Actor by, int lifted, Instant at) {
        String actorName = accounts.findByUsername(by.username()).map(UserAccount::displayName)
                .orElse(by.username());
        insert("unlock", username, address, null, null, lifted, by, actorName, at);
    }

    /** The latest events first, a page at a time; the account's current display name where the account exists. */
    public List<LoginEvent> recent(int offset, int limit) {
        return dsl.select(KIND, USERNAME, USER_NAME, ADDRESS, FAILURES, PAUSE_SECONDS, LIFTED, ACTOR_NAME, AT)
                .from(EVENT).leftJoin(USER).on(USER_USERNAME.eq(USERNAME))
                .orderBy(AT.desc(), ID.desc())
                .limit(limit).offset(offset)
                .fetch(r -> new LoginEvent(r.get(KIND), r.get(USERNAME), r.get(USER_NAME), r.get(ADDRESS),
                        r.get(FAILURES), r.get(PAUSE_SECONDS), r.get(LIFTED), r.get(ACTOR_NAME),
                        r.get(AT).toInstant()));
    }

    public int count() {
        return dsl.fetchCount(EVENT);
    }

    private void insert(String kind, String username, String address, Integer failures, Integer pauseSeconds,
                        Integer lifted, Actor by, String actorName, Instant at) {
        try {
            dsl.insertInto(table(name("kehu_login_event")))
                    .set(field(name("event")), kind)
                    .set(field(name("username")), cut(username))
                    .set(field(name("address")), cut(address))
                    .set(field(name("failures")), failures)
                    .set(field(name("pause_seconds")), pauseSeconds)
                    .set(field(name("lifted")), lifted)
                    .set(field(name("actor_username")), by == null ? null : cut(by.username()))
                    .set(field(name("actor_name")), actorName)
                    .set(field(name("at"), OffsetDateTime.class), at.atOffset(ZoneOffset.UTC))
                    .execute();
        } catch (DataAccessException | org.jooq.exception.DataAccessException e) {
            // The pause itself is enforced in memory either way; a failed audit write must not fail the sign-in.
            log.error("Could not store the sign-in event {} for {} / {}", kind, username, address, e);
        }
    }

    /** User names come from the sign-in form: whatever an attacker typed, cut to the column. */
    private static String cut(String text) {
        return text == null || text.length() <= NAME_LENGTH ? text : text.substring(0, NAME_LENGTH);
    }
}
