package io.kehu.sdk.workflows;

import io.kehu.sdk.LocalText;
import java.time.Instant;
import java.util.Objects;

/**
 * A task a plugin gives someone.
 *
 * @param formId the record's form
 * @param recordId the record the task is about (the inbox opens it)
 * @param kind a short id for filtering, e.g. {@code win_back} (lower case letters, digits, {@code _})
 * @param title what the task says, in both languages
 * @param assignee the user name of who does it
 * @param dueAt when it is due, or null
 */
public record TaskRequest(String formId, long recordId, String kind, LocalText title, String assignee,
        Instant dueAt) {

    public TaskRequest {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(assignee, "assignee");
        if (kind == null || !kind.matches("[a-z][a-z0-9_]{0,47}")) {
            throw new IllegalArgumentException("A task kind is a short id such as win_back, not " + kind);
        }
    }
}
