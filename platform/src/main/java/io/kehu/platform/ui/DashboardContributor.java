package io.kehu.platform.ui;

import com.vaadin.flow.component.Component;
import io.kehu.platform.security.CurrentUser;
import java.util.List;
import java.util.Locale;

/**
 * A source of home-page cards (plugin widgets, later saved reports). Every Spring bean of this type is asked when the
 * home page is built, so features add cards without touching {@link HomeView}.
 */
@FunctionalInterface
public interface DashboardContributor {

    /** The cards for {@code user}, in display order, already in {@code locale}. */
    List<Component> widgets(CurrentUser user, Locale locale);
}
