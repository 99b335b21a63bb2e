package io.kehu.plugins.visits;

/**
 * The transitions of the visit's workflow ({@code workflows/service_visit_flow.json}) the plugin's screens take by
 * name; the workflow itself says from where, who may and what each needs.
 */
final class VisitSteps {

    static final String CONFIRM = "confirm";
    static final String CHECK_IN = "check_in";
    static final String RESCHEDULE = "reschedule";
    static final String SIGN_OFF = "sign_off";
    static final String CANCEL = "cancel";

    private VisitSteps() {
    }
}
