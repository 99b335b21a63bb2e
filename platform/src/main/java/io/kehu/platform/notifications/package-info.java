/**
 * In-app notifications: the bell in the header with the unread count, and the list behind it. Other features tell a
 * user something through {@link io.kehu.platform.notifications.Notifications#notify}; today the workflow runtime does
 * when it gives someone a task, tells people or a deadline draws near ({@link io.kehu.platform.workflow.WorkflowNotice}). A notification keeps its text in
 * Chinese and English as sent and may point at a record; opening it marks it read. The bell itself lives in the
 * internal {@code notifications.ui} package and reaches the layout as a {@link io.kehu.platform.ui.HeaderContributor}.
 * E-mail is a later channel.
 */
package io.kehu.platform.notifications;
