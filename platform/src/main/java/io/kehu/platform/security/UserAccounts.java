package io.kehu.platform.security;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The store of platform accounts ({@code kehu_user}). Passwords are only ever kept encoded. */
@Service
public class UserAccounts {

    private static final Table<Record> USER = table(name("kehu_user"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> USERNAME = field(name("username"), String.class);
    private static final Field<String> DISPLAY_NAME = field(name("display_name"), String.class);
    private static final Field<String> PASSWORD_HASH = field(name("password_hash"), String.class);
    private static final Field<String> ROLES = field(name("roles"), String.class);
    private static final Field<String> LOCALE = field(name("locale"), String.class);
    private static final Field<Boolean> ENABLED = field(name("enabled"), Boolean.class);
    private static final Field<String> EMAIL = field(name("email"), String.class);
    private static final Field<Boolean> EMAIL_NOTICES = field(name("email_notices"), Boolean.class);
    private static final Field<Long> MANAGER_ID = field(name("manager_id"), Long.class);

    private final DSLContext dsl;
    private final PasswordEncoder passwordEncoder;

    UserAccounts(DSLContext dsl, PasswordEncoder passwordEncoder) {
        this.dsl = dsl;
        this.passwordEncoder = passwordEncoder;
    }

    /** Finds an account by its sign-in name (case-insensitive). */
    public Optional<UserAccount> findByUsername(String username) {
        return dsl.select(ID, USERNAME, DISPLAY_NAME, PASSWORD_HASH, ROLES, LOCALE, ENABLED)
                .from(USER)
                .where(USERNAME.eq(normalize(username)))
                .fetchOptional(UserAccounts::toAccount);
    }

    /** Finds an account by its database id (e.g. the user an API token acts as). */
    public Optional<UserAccount> findById(long id) {
        return dsl.select(ID, USERNAME, DISPLAY_NAME, PASSWORD_HASH, ROLES, LOCALE, ENABLED)
                .from(USER)
                .where(ID.eq(id))
                .fetchOptional(UserAccounts::toAccount);
    }

    /** All accounts, ordered by sign-in name. */
    public List<UserAccount> findAll() {
        return dsl.select(ID, USERNAME, DISPLAY_NAME, PASSWORD_HASH, ROLES, LOCALE, ENABLED)
                .from(USER)
                .orderBy(USERNAME)
                .fetch(UserAccounts::toAccount);
    }

    /** Whether an account with database id {@code id} exists (e.g. to check a user field's value). */
    public boolean exists(long id) {
        return dsl.fetchExists(USER, ID.eq(id));
    }

    public boolean isEmpty() {
        return !dsl.fetchExists(USER);
    }

    /** Creates an account; the raw password is encoded here and never stored. */
    @Transactional
    public UserAccount create(String username, String displayName, String rawPassword, Set<Role> roles) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("An account needs at least one role: " + username);
        }
        dsl.insertInto(USER)
                .set(USERNAME, normalize(username))
                .set(DISPLAY_NAME, displayName)
                .set(PASSWORD_HASH, passwordEncoder.encode(rawPassword))
                .set(ROLES, Role.format(roles))
                .set(ENABLED, true)
                .execute();
        return findByUsername(username).orElseThrow();
    }

    /** Remembers the language a user chose, e.g. {@code zh-CN}. */
    @Transactional
    public void saveLanguage(String username, String languageTag) {
        dsl.update(USER).set(LOCALE, languageTag).where(USERNAME.eq(normalize(username))).execute();
    }

    private static String normalize(String username) {
        return username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static UserAccount toAccount(Record r) {
        return new UserAccount(r.get(ID), r.get(USERNAME), r.get(DISPLAY_NAME), r.get(PASSWORD_HASH),
                Role.parse(r.get(ROLES)), Optional.ofNullable(r.get(LOCALE)), Boolean.TRUE.equals(r.get(ENABLED)));
    }

    /** Where and whether {@code userId} gets notices by e-mail. */
    public MailSettings mailSettings(long userId) {
        return dsl.select(EMAIL, EMAIL_NOTICES).from(USER).where(ID.eq(userId))
                .fetchOptional(r -> new MailSettings(r.get(EMAIL), Boolean.TRUE.equals(r.get(EMAIL_NOTICES))))
                .orElse(new MailSettings(null, false));
    }

    /**
     * Saves {@code userId}'s e-mail address (blank: none) and whether notices go there.
     *
     * @throws IllegalArgumentException when the address is not one ({@link MailSettings#isAddress})
     */
    public void saveMailSettings(long userId, String email, boolean notices) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null && !MailSettings.isAddress(address)) {
            throw new IllegalArgumentException("Not an e-mail address: " + address);
        }
        dsl.update(USER).set(EMAIL, address).set(EMAIL_NOTICES, notices).where(ID.eq(userId)).execute();
    }

    /** Every account's manager (accounts without one are absent): the teams ({@link Teams}). */
    public java.util.Map<Long, Long> managerIds() {
        java.util.Map<Long, Long> byUser = new java.util.HashMap<>();
        dsl.select(ID, MANAGER_ID).from(USER).where(MANAGER_ID.isNotNull())
                .forEach(r -> byUser.put(r.get(ID), r.get(MANAGER_ID)));
        return byUser;
    }

    /** The manager {@code userId} reports to, if one is set. */
    public Optional<Long> managerId(long userId) {
        return dsl.select(MANAGER_ID).from(USER).where(ID.eq(userId)).fetchOptional(MANAGER_ID);
    }

    /** Stores whom {@code userId} reports to (null: nobody); {@link Teams#assign} checks the choice first. */
    void saveManager(long userId, Long managerId) {
        dsl.update(USER).set(MANAGER_ID, managerId).where(ID.eq(userId)).execute();
    }
}
