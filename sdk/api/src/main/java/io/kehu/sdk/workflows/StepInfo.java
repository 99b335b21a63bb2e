package io.kehu.sdk.workflows;

import java.time.Instant;

/**
 * One step a record took through its workflow (the record view's 流程记录), as a plugin sees it.
 *
 * @param transition the transition's id, e.g. {@code check_in}
 * @param from the state left
 * @param to the state entered
 * @param comment what the person wrote, or null
 * @param actedBy the user name of who took it, or null when the platform or a plugin did
 * @param actedByName their display name when they acted, or null
 * @param actedAt when
 */
public record StepInfo(String transition, String from, String to, String comment, String actedBy,
        String actedByName, Instant actedAt) {
}
