package io.kehu.plugins.visits;

import java.util.List;
import java.util.Optional;

/**
 * The states of a visit (the status field's options). The moves between them — booked → confirmed → on site →
 * signed off, back from confirmed to booked, cancelled from booked or confirmed — are the workflow
 * {@code workflows/service_visit_flow.json}, run by the platform's workflow engine on every write path.
 */
enum VisitStatus {
    BOOKED("booked"), CONFIRMED("confirmed"), ON_SITE("on_site"), SIGNED_OFF("signed_off"), CANCELLED("cancelled");

    /** The states that hold the visitor's time: these are checked for overlaps. */
    static final List<String> ACTIVE = List.of("booked", "confirmed", "on_site");

    private final String code;

    VisitStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    static Optional<VisitStatus> of(Object code) {
        for (VisitStatus s : values()) {
            if (s.code.equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    boolean active() {
        return ACTIVE.contains(code);
    }
}
