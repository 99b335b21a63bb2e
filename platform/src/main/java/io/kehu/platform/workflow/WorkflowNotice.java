package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;
import java.util.Set;

/**
 * Something the workflow tells people, published as a Spring event inside the transaction that caused it (a
 * transition's {@code notify} action, a deadline drawing near or missed). Notification channels (in-app, e-mail,
 * webhooks) listen to it; listening inside the transaction makes a notice exist exactly when its cause
 * committed.
 *
 * @param kind why it is sent
 * @param formId the record's form
 * @param recordId the record it is about
 * @param workflowId the workflow, or {@code plugin:<id>} for a plugin's notice
 * @param recipients the users told
 * @param message what it says
 * @param channel the webhook channel a {@code notify} action names (an endpoint's channel name, e.g. a WeCom group
 *     robot), or null; the webhooks feature sends the notice there
 */
public record WorkflowNotice(Kind kind, String formId, long recordId, String workflowId, Set<Long> recipients,
        LocalizedText message, String channel) {

    /** Why a notice is sent. */
    public enum Kind {
        /** A transition's {@code notify} action. */
        TRANSITION,
        /** A state's deadline is near (the SLA's {@code remindBefore}). */
        DEADLINE_NEAR,
        /** A state's deadline passed. */
        DEADLINE_MISSED,
        /** A task was given to someone. */
        TASK_ASSIGNED,
        /** A plugin's message. */
        MESSAGE
    }

    public WorkflowNotice {
        recipients = Set.copyOf(recipients);
    }

    /** A notice to people only (no webhook channel). */
    public WorkflowNotice(Kind kind, String formId, long recordId, String workflowId, Set<Long> recipients,
            LocalizedText message) {
        this(kind, formId, recordId, workflowId, recipients, message, null);
    }
}
