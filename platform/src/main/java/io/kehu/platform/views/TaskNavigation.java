package io.kehu.platform.views;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.ui.NavigationContributor;
import io.kehu.platform.ui.NavigationEntry;
import io.kehu.platform.ui.NavigationGroup;
import io.kehu.platform.workflow.Workflows;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** 我的待办 in the workspace section of the navigation, with the user's open-task count as its badge. */
@Component
class TaskNavigation implements NavigationContributor {

    private final Workflows workflows;
    private final SessionActor actors;
    private final Messages messages;

    TaskNavigation(Workflows workflows, SessionActor actors, Messages messages) {
        this.workflows = workflows;
        this.actors = actors;
        this.messages = messages;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        if (user.username().isEmpty()) {
            return List.of();
        }
        return List.of(new NavigationEntry(NavigationGroup.WORKSPACE, 10,
                messages.getTranslation("workflow.tasks.nav", locale), TaskInboxView.PATH, VaadinIcon.TASKS,
                () -> {
                    int open = workflows.countOpenTasks(actors.current(), false, null);
                    return open == 0 ? "" : open > 99 ? "99+" : String.valueOf(open);
                }));
    }
}
