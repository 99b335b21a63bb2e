package io.kehu.plugins.visits;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The states of a visit and the moves between them: booked → confirmed → on site → signed off, and cancelled from
 * booked or confirmed. The form's workflow engine cannot be given a workflow by a plugin (only forms), so the
 * plugin's record listener enforces these moves on every write path (its screens, the record view, import, REST).
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

    /** Where a visit may go from here (staying is always allowed). */
    Set<VisitStatus> next() {
        return switch (this) {
            case BOOKED -> Set.of(CONFIRMED, CANCELLED);
            case CONFIRMED -> Set.of(ON_SITE, BOOKED, CANCELLED);
            case ON_SITE -> Set.of(SIGNED_OFF);
            case SIGNED_OFF, CANCELLED -> Set.of();
        };
    }

    boolean active() {
        return ACTIVE.contains(code);
    }
}
