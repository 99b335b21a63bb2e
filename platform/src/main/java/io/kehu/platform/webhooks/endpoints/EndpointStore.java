package io.kehu.platform.webhooks.endpoints;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.webhooks.EndpointSettings;
import io.kehu.platform.webhooks.EventType;
import io.kehu.platform.webhooks.PayloadFormat;
import io.kehu.platform.webhooks.WebhookEndpoint;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The endpoints table. Secrets are kept as issued rather than hashed: the platform must compute an HMAC with the very
 * key the receiver holds on every attempt, which a hash cannot give back. They are never shown again after
 * {@link #create} or {@link #rotate} return them, and the database is the trust boundary for them, as it is for the
 * customer data they protect.
 */
@Component
public class EndpointStore {

    /** How long the previous secret still signs after a rotation, so receivers can switch without losing events. */
    public static final java.time.Duration ROTATION_OVERLAP = java.time.Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Table<Record> ENDPOINT = table(name("kehu_webhook_endpoint"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> URL = field(name("url"), String.class);
    private static final Field<String> DESCRIPTION = field(name("description"), String.class);
    private static final Field<String> FORMAT = field(name("payload_format"), String.class);
    private static final Field<String> EVENT_TYPES = field(name("event_types"), String.class);
    private static final Field<String> FORM_IDS = field(name("form_ids"), String.class);
    private static final Field<String> SECRET = field(name("secret"), String.class);
    private static final Field<String> PREVIOUS_SECRET = field(name("previous_secret"), String.class);
    private static final Field<OffsetDateTime> PREVIOUS_UNTIL = field(name("previous_until"), OffsetDateTime.class);
    private static final Field<Boolean> ENABLED = field(name("enabled"), Boolean.class);
    private static final Field<Integer> FAILURES = field(name("consecutive_failures"), Integer.class);
    private static final Field<String> DISABLED_REASON = field(name("disabled_reason"), String.class);
    private static final Field<OffsetDateTime> DISABLED_AT = field(name("disabled_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<String> RULE = field(name("filter_rule"), String.class);
    private static final Field<String> RULE_PROBLEM = field(name("rule_problem"), String.class);
    private static final Field<OffsetDateTime> RULE_PROBLEM_AT = field(name("rule_problem_at"), OffsetDateTime.class);
    private static final Field<String> CHANNEL = field(name("channel"), String.class);
    private static final Field<String> ROBOT_SECRET = field(name("robot_secret"), String.class);
    private static final String ALL_PLUGINS = "plugin.*";
    private static final Table<Record> MISSING = table(name("kehu_webhook_missing_channel"));
    // Qualified: on H2 the insert-unless-present is a MERGE, where a bare "channel" would be ambiguous.
    private static final Field<String> MISSING_CHANNEL = field(name("kehu_webhook_missing_channel", "channel"),
            String.class);
    private static final Field<String> NAMED_BY = field(name("kehu_webhook_missing_channel", "named_by"),
            String.class);
    private static final Field<OffsetDateTime> FIRST_SEEN_AT = field(
            name("kehu_webhook_missing_channel", "first_seen_at"), OffsetDateTime.class);

    private final DSLContext dsl;
    private final EnabledEndpoints routing;

    /** A store that reads the enabled endpoints on every call (tests that build one by hand). */
    public EndpointStore(DSLContext dsl) {
        this(dsl, 0);
    }

    /**
     * @param cacheSeconds how long the enabled endpoints' rows are kept between writes ({@link EnabledEndpoints});
     *     other nodes' endpoint changes are seen within this time
     */
    @Autowired
    public EndpointStore(DSLContext dsl,
                         @Value("${kehu.webhooks.endpoint-cache-seconds:5}") int cacheSeconds) {
        this.dsl = dsl;
        this.routing = new EnabledEndpoints(cacheSeconds);
    }

    /** Stores a new, enabled endpoint; returns its id and its secret (shown once). */
    public Created create(EndpointSettings settings, Instant now) {
        routing.changed();
        String secret = newSecret();
        long id = dsl.insertInto(ENDPOINT)
                .columns(URL, DESCRIPTION, FORMAT, EVENT_TYPES, FORM_IDS, SECRET, ENABLED, CREATED_AT, RULE, CHANNEL,
                        ROBOT_SECRET)
                .values(settings.url(), settings.description(), settings.format().name(), types(settings),
                        forms(settings.formIds()), secret, true, utc(now), settings.rule(), settings.channel(),
                        settings.robotSecret())
                .returningResult(ID).fetchOne(ID);
        forgetServedChannels();
        return new Created(id, secret);
    }

    /** Changes an endpoint; a robot secret left empty keeps the one stored, and a past rule problem is forgotten. */
    public void update(long id, EndpointSettings settings) {
        routing.changed();
        var update = dsl.update(ENDPOINT).set(URL, settings.url()).set(DESCRIPTION, settings.description())
                .set(FORMAT, settings.format().name()).set(EVENT_TYPES, types(settings))
                .set(FORM_IDS, forms(settings.formIds())).set(RULE, settings.rule()).set(CHANNEL, settings.channel())
                .set(RULE_PROBLEM, (String) null).set(RULE_PROBLEM_AT, (OffsetDateTime) null);
        if (settings.robotSecret() != null) {
            update = update.set(ROBOT_SECRET, settings.robotSecret());
        }
        update.where(ID.eq(id)).execute();
        forgetServedChannels();
    }

    /** Forgets the robot's signing secret (the robot no longer signs). */
    public void clearRobotSecret(long id) {
        routing.changed();
        dsl.update(ENDPOINT).set(ROBOT_SECRET, (String) null).where(ID.eq(id)).execute();
    }

    /** The robot's signing secret, or null. */
    public String robotSecret(long id) {
        return dsl.select(ROBOT_SECRET).from(ENDPOINT).where(ID.eq(id)).fetchOne(ROBOT_SECRET);
    }

    /**
     * Keeps why an endpoint's rule failed, for the console. Written only when the text differs from the one kept, so
     * a rule failing on every write does not make every writer wait for the endpoint's row.
     */
    public void ruleFailed(long id, String problem, Instant now) {
        String text = problem.length() > 500 ? problem.substring(0, 499) + "…" : problem;
        dsl.update(ENDPOINT).set(RULE_PROBLEM, text).set(RULE_PROBLEM_AT, utc(now))
                .where(ID.eq(id).and(RULE_PROBLEM.isNull().or(RULE_PROBLEM.ne(text)))).execute();
    }

    /** The enabled endpoint workflows name {@code channel}, if any. */
    public Optional<WebhookEndpoint> channel(String channel, Instant now) {
        return enabledRows().stream().filter(r -> channel.equals(r.get(CHANNEL))).findFirst()
                .map(r -> endpoint(r, now));
    }

    /** Whether another endpoint than {@code exceptId} already has channel name {@code channel}. */
    public boolean channelTaken(String channel, Long exceptId) {
        var where = CHANNEL.eq(channel);
        return dsl.fetchExists(ENDPOINT, exceptId == null ? where : where.and(ID.ne(exceptId)));
    }

    /** Switches an endpoint on (clearing the failure count) or off by hand. */
    public void setEnabled(long id, boolean enabled) {
        routing.changed();
        dsl.update(ENDPOINT).set(ENABLED, enabled).set(FAILURES, 0).set(DISABLED_REASON, (String) null)
                .set(DISABLED_AT, (OffsetDateTime) null).where(ID.eq(id)).execute();
        forgetServedChannels();
    }

    /**
     * Notes that {@code channel} was named by a {@code notify} ({@code namedBy}: the workflow or automation) while no
     * enabled endpoint has it. True only the first time until an enabled endpoint takes the name: the caller then
     * tells the administrators. Safe against a concurrent first time on another node (the channel is the key, and a
     * conflicting insert does nothing).
     */
    public boolean channelMissing(String channel, String namedBy, Instant now) {
        String by = namedBy.length() > 200 ? namedBy.substring(0, 200) : namedBy;
        return dsl.insertInto(MISSING).columns(MISSING_CHANNEL, NAMED_BY, FIRST_SEEN_AT).values(channel, by, utc(now))
                .onConflict(MISSING_CHANNEL).doNothing().execute() == 1;
    }

    /** Channels an enabled endpoint now has are no longer missing (so that going missing again is told again). */
    private void forgetServedChannels() {
        dsl.deleteFrom(MISSING).where(MISSING_CHANNEL.in(dsl.select(CHANNEL).from(ENDPOINT)
                .where(ENABLED.isTrue()).and(CHANNEL.isNotNull()))).execute();
    }

    /** A new current secret; the old one keeps signing for {@link #ROTATION_OVERLAP}. Returns the new secret. */
    public String rotate(long id, Instant now) {
        routing.changed();
        String secret = newSecret();
        dsl.update(ENDPOINT).set(PREVIOUS_SECRET, SECRET).set(PREVIOUS_UNTIL, utc(now.plus(ROTATION_OVERLAP)))
                .set(SECRET, secret).where(ID.eq(id)).execute();
        return secret;
    }

    /** The secrets that sign at {@code now}: the current one, and the previous one during a rotation. */
    public List<String> signingSecrets(long id, Instant now) {
        Record row = dsl.select(SECRET, PREVIOUS_SECRET, PREVIOUS_UNTIL).from(ENDPOINT).where(ID.eq(id)).fetchOne();
        if (row == null) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>(List.of(row.get(SECRET)));
        if (row.get(PREVIOUS_SECRET) != null && row.get(PREVIOUS_UNTIL).toInstant().isAfter(now)) {
            secrets.add(row.get(PREVIOUS_SECRET));
        }
        return secrets;
    }

    public Optional<WebhookEndpoint> find(long id, Instant now) {
        return dsl.select().from(ENDPOINT).where(ID.eq(id)).fetchOptional(r -> endpoint(r, now));
    }

    public List<WebhookEndpoint> all(Instant now) {
        return dsl.select().from(ENDPOINT).orderBy(ID).fetch(r -> endpoint(r, now));
    }

    /** Enabled endpoints that want events named {@code name} of {@code type} on {@code formId}, before rules. */
    public List<WebhookEndpoint> subscribers(EventType type, String name, String formId, Instant now) {
        return enabledRows().stream().map(r -> endpoint(r, now)).filter(e -> e.wants(type, name, formId)).toList();
    }

    private List<Record> enabledRows() {
        return routing.rows(() -> dsl.select().from(ENDPOINT).where(ENABLED.isTrue()).fetch());
    }

    public boolean isEnabled(long id) {
        return Boolean.TRUE.equals(dsl.select(ENABLED).from(ENDPOINT).where(ID.eq(id)).fetchOne(ENABLED));
    }

    /** The failed attempts in a row now. */
    public int failures(long id) {
        Integer failures = dsl.select(FAILURES).from(ENDPOINT).where(ID.eq(id)).fetchOne(FAILURES);
        return failures == null ? 0 : failures;
    }

    /** Counts a failed attempt; returns the failures in a row now. */
    public int failed(long id) {
        dsl.update(ENDPOINT).set(FAILURES, FAILURES.plus(1)).where(ID.eq(id)).execute();
        return dsl.select(FAILURES).from(ENDPOINT).where(ID.eq(id)).fetchOne(FAILURES);
    }

    public void succeeded(long id) {
        dsl.update(ENDPOINT).set(FAILURES, 0).where(ID.eq(id).and(FAILURES.ne(0))).execute();
    }

    /** Switches an endpoint off for the platform's reason; false when it was off already. */
    public boolean disable(long id, String reason, Instant now) {
        routing.changed();
        return dsl.update(ENDPOINT).set(ENABLED, false).set(DISABLED_REASON, reason).set(DISABLED_AT, utc(now))
                .where(ID.eq(id).and(ENABLED.isTrue())).execute() == 1;
    }

    private static WebhookEndpoint endpoint(Record r, Instant now) {
        List<String> names = Arrays.asList(r.get(EVENT_TYPES).split(","));
        Set<EventType> types = names.stream().map(EventType::ofWireName)
                .flatMap(Optional::stream).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> plugins = names.stream().filter(n -> !n.equals(ALL_PLUGINS)).map(EventType::pluginOf)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        String forms = r.get(FORM_IDS);
        Set<String> formIds = forms == null || forms.isBlank() ? Set.of() : Set.of(forms.split(","));
        OffsetDateTime until = r.get(PREVIOUS_UNTIL);
        OffsetDateTime disabledAt = r.get(DISABLED_AT);
        OffsetDateTime problemAt = r.get(RULE_PROBLEM_AT);
        return new WebhookEndpoint(r.get(ID), r.get(URL), r.get(DESCRIPTION), PayloadFormat.valueOf(r.get(FORMAT)),
                types, formIds, plugins, r.get(RULE), r.get(RULE_PROBLEM),
                problemAt == null ? null : problemAt.toInstant(), r.get(CHANNEL), r.get(ROBOT_SECRET) != null,
                r.get(ENABLED), r.get(FAILURES), r.get(DISABLED_REASON),
                disabledAt == null ? null : disabledAt.toInstant(),
                r.get(PREVIOUS_SECRET) != null && until != null && until.toInstant().isAfter(now));
    }

    /** The subscription as stored: the fixed types' names, and {@code plugin.*} or {@code plugin.<id>.*} each. */
    private static String types(EndpointSettings settings) {
        List<String> names = new ArrayList<>();
        for (EventType type : settings.eventTypes()) {
            if (type != EventType.PLUGIN) {
                names.add(type.wireName());
            } else if (settings.pluginIds().isEmpty()) {
                names.add(ALL_PLUGINS);
            } else {
                settings.pluginIds().forEach(id -> names.add(EventType.pluginEvent(id, "*")));
            }
        }
        return names.stream().sorted().collect(Collectors.joining(","));
    }

    private static String forms(Set<String> formIds) {
        return formIds.isEmpty() ? null : formIds.stream().sorted().collect(Collectors.joining(","));
    }

    /** A Standard Webhooks secret: {@code whsec_} and 32 random bytes in base64 (the HMAC key). */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A new endpoint's id and its secret, which is shown once. */
    public record Created(long id, String secret) {
    }
}
