package io.kehu.platform.workflow;

import io.kehu.platform.forms.LocalizedText;

/**
 * A record moved from one workflow state to another, published as a Spring event inside the transition's transaction
 * (after the record was updated and the step logged), so a synchronous listener's writes (the webhook outbox) commit
 * or roll back with the move.
 *
 * @param formId the record's form
 * @param recordId the record
 * @param step the step taken (who, when, from, to, comment)
 * @param transitionLabel the transition's label
 * @param fromLabel the label of the state left
 * @param toLabel the label of the state reached
 */
public record WorkflowTransitioned(String formId, long recordId, WorkflowStep step, LocalizedText transitionLabel,
        LocalizedText fromLabel, LocalizedText toLabel) {
}
