package io.kehu.platform.calendar.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.i18n.Messages;
import io.kehu.platform.ui.AdminNavigation;
import org.springframework.stereotype.Component;

/** Puts the business calendar into the administration section of the side navigation, for admins only. */
@Component
class CalendarNavigation extends AdminNavigation {

    CalendarNavigation(Messages messages) {
        super(messages, new Screen(65, "calendar.nav", CalendarView.ROUTE, VaadinIcon.CALENDAR));
    }
}
