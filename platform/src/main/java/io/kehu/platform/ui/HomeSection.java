package io.kehu.platform.ui;

import com.vaadin.flow.component.Component;
import io.kehu.platform.security.CurrentUser;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * A part of the home page shown above the workspace to the users it is for, e.g. the administrators' start page.
 * Every Spring bean of this type is asked when the home page is built, so a feature adds one without {@link HomeView}
 * knowing it.
 */
@FunctionalInterface
public interface HomeSection {

    /** The section for {@code user}, already in {@code locale}; empty when it is not for them. */
    Optional<Component> section(CurrentUser user, Locale locale, ZoneId zone);
}
