package io.kehu.platform.notifications;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.ProblemTexts;
import io.kehu.platform.workflow.WorkflowNotice;
import java.util.List;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the workflow's notices in the bell, in the transaction that caused them (a notification exists exactly when
 * its task, move or deadline did): a new task (您有新的待办：…), a transition's {@code notify}, a deadline drawing near
 * or missed, a plugin's or an automation's message — one notification per recipient.
 */
@Component
class WorkflowNotifier {

    /** Notification kinds, as stored. */
    static final String TASK = "task";
    static final String DEADLINE = "deadline";
    static final String MESSAGE = "message";

    private final Notifications notifications;

    WorkflowNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void notice(WorkflowNotice notice) {
        String kind = switch (notice.kind()) {
            case TASK_ASSIGNED -> TASK;
            case DEADLINE_NEAR, DEADLINE_MISSED -> DEADLINE;
            case TRANSITION, MESSAGE -> MESSAGE;
        };
        LocalizedText title = notice.kind() == WorkflowNotice.Kind.TASK_ASSIGNED
                ? LocalizedText.of(taskText(notice, Locale.SIMPLIFIED_CHINESE), taskText(notice, Locale.ENGLISH))
                : notice.message();
        for (long user : notice.recipients()) {
            notifications.notify(user, kind, title, notice.formId(), notice.recordId());
        }
    }

    private static String taskText(WorkflowNotice notice, Locale locale) {
        return ProblemTexts.format("i18n.notifications", "notifications.taskAssigned", locale,
                List.of(notice.message().in(locale)));
    }
}
