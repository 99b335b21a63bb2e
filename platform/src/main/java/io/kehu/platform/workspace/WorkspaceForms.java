package io.kehu.platform.workspace;

import java.util.Set;

/**
 * The shipped forms and fields the workspace reads (form-definitions/*.json). A company that removes one of them
 * loses the matching box, not the home page: every use checks the form and field are published and readable.
 */
public final class WorkspaceForms {

    public static final String CUSTOMER = "customer";
    public static final String CUSTOMER_OWNER = "account_manager";
    public static final String INTERACTION = "interaction";
    public static final String INTERACTION_CUSTOMER = "customer";
    public static final String NEXT_FOLLOW_UP = "next_follow_up";
    public static final String OCCURRED_AT = "occurred_at";
    public static final String PURCHASE = "purchase";
    public static final String FEEDBACK = "feedback";
    public static final String FEEDBACK_TYPE = "feedback_type";
    public static final String COMPLAINT = "complaint";
    public static final String FEEDBACK_STATUS = "status";
    public static final String SEVERITY = "severity";
    /** Feedback statuses that end a complaint. */
    public static final Set<String> FINISHED = Set.of("resolved", "closed");
    /** The forms whose records make up "recent activity", each pointing at a customer by {@code customer}. */
    public static final java.util.List<String> ACTIVITY = java.util.List.of(INTERACTION, PURCHASE, FEEDBACK);

    private WorkspaceForms() {
    }
}
