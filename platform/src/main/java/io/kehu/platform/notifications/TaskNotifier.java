package io.kehu.platform.notifications;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.ProblemTexts;
import io.kehu.platform.workflow.TaskAssigned;
import java.util.List;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a user when a workflow gives them a task, in the transition's transaction: 您有新的待办：…. */
@Component
class TaskNotifier {

    static final String KIND = "task";
    private final Notifications notifications;

    TaskNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void taskAssigned(TaskAssigned task) {
        notifications.notify(task.assigneeId(), KIND, LocalizedText.of(text(task, Locale.SIMPLIFIED_CHINESE),
                text(task, Locale.ENGLISH)), task.formId(), task.recordId());
    }

    private static String text(TaskAssigned task, Locale locale) {
        return ProblemTexts.format("i18n.notifications", "notifications.taskAssigned", locale,
                List.of(task.title().in(locale)));
    }
}
