package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.util.List;
import java.util.Locale;

/**
 * A workflow publish (or rollback) refused before anything was written: the reason for screens and tests, the
 * in-flight states still to be mapped, and the text for people in zh and en.
 */
public class PublishRefusedException extends RuntimeException {

    /** Why a publish was refused. */
    public enum Reason {
        /** Only administrators publish workflows. */
        NOT_ADMIN,
        /** Records are in states the new version no longer has, and not every such state is mapped to a new one. */
        UNMAPPED_STATES,
        /** Another workflow is already in force on the form. */
        FORM_TAKEN,
        /** The version asked for does not exist. */
        NO_SUCH_VERSION,
        /** Moving an in-flight record was refused by the write path (a form rule or guard); nothing was published. */
        RECORD_REFUSED
    }

    private final Reason reason;
    private final transient List<WorkflowVersions.InFlight> unmapped;
    private final transient LocalizedText text;

    public PublishRefusedException(Reason reason, List<WorkflowVersions.InFlight> unmapped, LocalizedText text) {
        super(reason + ": " + text.in(Locale.ENGLISH));
        this.reason = reason;
        this.unmapped = List.copyOf(unmapped);
        this.text = text;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#UNMAPPED_STATES}: the states with records that still need a new state; else empty. */
    public List<WorkflowVersions.InFlight> unmapped() {
        return unmapped;
    }

    /** What to tell the admin, in Chinese and English. */
    public LocalizedText text() {
        return text;
    }
}
