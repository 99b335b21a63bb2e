package io.kehu.platform.calendar;

import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The company's business calendar: the one its administrators edited (工作日历 screen), else the one Kehu ships. Deadlines,
 * reminders and rules count working time in {@link #current()}.
 *
 * <p>Read on every deadline, so it is cached; a save on this node is seen at once, a save on another node after at
 * most {@link #TTL}.
 */
@Service
public class CompanyCalendars {

    /** How stale another node's save may look here. */
    static final Duration TTL = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(CompanyCalendars.class);

    private final CalendarStore store;
    private volatile Snapshot snapshot;

    CompanyCalendars(CalendarStore store) {
        this.store = store;
    }

    /** A calendar and the version a save must name; version 0 is the shipped calendar (nothing saved yet). */
    public record Edition(BusinessCalendar calendar, int version) {
    }

    record Snapshot(Edition edition, long readAtNanos) {
    }

    /** The calendar working time is counted in. */
    public BusinessCalendar current() {
        return edition().calendar();
    }

    /** The current calendar with its version, for an editor that saves it back. */
    public Edition edition() {
        Snapshot seen = snapshot;
        if (seen == null || System.nanoTime() - seen.readAtNanos() > TTL.toNanos()) {
            seen = reload();
        }
        return seen.edition();
    }

    /**
     * Stores {@code calendar} as the company's, checked by the same reader as a hand-written file (all or nothing).
     *
     * @param expectedVersion the {@link Edition#version()} the editor loaded
     * @return the stored edition
     * @throws AccessRefusedException unless {@code actor} is an administrator
     * @throws CalendarException with every problem, at its JSON path; nothing is stored
     * @throws CalendarChangedException when someone saved after {@code expectedVersion}; nothing is stored
     */
    public Edition save(Actor actor, BusinessCalendar calendar, int expectedVersion) {
        return save(actor, CalendarWriter.write(calendar), expectedVersion);
    }

    /** {@link #save(Actor, BusinessCalendar, int)} from the JSON text (the documented format). */
    public Edition save(Actor actor, String document, int expectedVersion) {
        Objects.requireNonNull(document, "document");
        if (!actor.hasRole(Role.ADMIN)) {
            throw new AccessRefusedException("只有管理员可以修改工作日历", "Only administrators may change the business calendar");
        }
        BusinessCalendar checked = BusinessCalendars.read("工作日历 business calendar", document);
        String id = BusinessCalendars.chinaMainland().id();
        if (!id.equals(checked.id())) {
            // Workflows name the calendar by id; the company calendar takes the shipped one's place under its id.
            throw new IllegalArgumentException("The company calendar must keep the id " + id + ", not " + checked.id());
        }
        if (!store.save(id, document, expectedVersion, actor.username(), OffsetDateTime.now(ZoneOffset.UTC))) {
            reload();
            throw new CalendarChangedException(expectedVersion);
        }
        return reload().edition();
    }

    /**
     * The stored calendar, or the shipped one with the stored version when the stored text no longer reads (a later
     * release's reader is stricter): deadlines keep being counted, the log says why, and the next save replaces it.
     */
    private static Edition edition(CalendarStore.Stored stored) {
        try {
            return new Edition(BusinessCalendars.read("kehu_business_calendar", stored.document()), stored.version());
        } catch (CalendarException e) {
            log.error("The company calendar (version {}) does not read; counting with the shipped one until an "
                    + "administrator saves it again:\n{}", stored.version(), e.describe(Locale.ENGLISH));
            return new Edition(BusinessCalendars.chinaMainland(), stored.version());
        }
    }

    /** Reads the stored calendar again, e.g. after a test removed it. */
    synchronized Snapshot reload() {
        String id = BusinessCalendars.chinaMainland().id();
        Edition edition = store.find(id).map(CompanyCalendars::edition)
                .orElseGet(() -> new Edition(BusinessCalendars.chinaMainland(), 0));
        Snapshot fresh = new Snapshot(edition, System.nanoTime());
        snapshot = fresh;
        return fresh;
    }
}
