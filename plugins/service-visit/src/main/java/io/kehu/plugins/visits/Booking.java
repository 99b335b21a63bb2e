package io.kehu.plugins.visits;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A visit to book.
 *
 * @param customerId the customer visited
 * @param typeId the visit type (its checklist is copied onto the visit)
 * @param visitorId the user who goes, or null to assign later
 * @param start when it starts; it ends after the type's planned duration
 * @param window the customer's preferred window; the start and end must lie inside it
 * @param origin {@code manual}, {@code cadence}, {@code complaint} or {@code workflow}
 * @param complaintId the complaint (客户反馈 record) the visit resolves on site, or null
 * @param teamId the manager whose team the visit is assigned to (a member picks it up), or null
 */
record Booking(long customerId, long typeId, Long visitorId, OffsetDateTime start, PreferredWindow window,
               String origin, Long complaintId, Long teamId) {

    Booking(long customerId, long typeId, Long visitorId, OffsetDateTime start, PreferredWindow window,
            String origin, Long complaintId) {
        this(customerId, typeId, visitorId, start, window, origin, complaintId, null);
    }

    Booking(long customerId, long typeId, Long visitorId, OffsetDateTime start, PreferredWindow window,
            String origin) {
        this(customerId, typeId, visitorId, start, window, origin, null);
    }

    Booking {
        Objects.requireNonNull(start, "start");
        window = window == null ? PreferredWindow.ANY : window;
        origin = origin == null ? "manual" : origin;
    }
}
