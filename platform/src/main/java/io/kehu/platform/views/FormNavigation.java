package io.kehu.platform.views;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.ui.NavigationContributor;
import io.kehu.platform.ui.NavigationEntry;
import io.kehu.platform.ui.NavigationGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * One side-navigation link per published form that names a navigation group and that the user may read, so a form
 * published in the designer appears in the menu without a code change. Forms without a group (subtable forms such as
 * contact persons) live only inside other records and get no link.
 */
@Component
class FormNavigation implements NavigationContributor {

    private final FormCatalog catalog;
    private final SessionActor actors;

    FormNavigation(FormCatalog catalog, SessionActor actors) {
        this.catalog = catalog;
        this.actors = actors;
    }

    @Override
    public List<NavigationEntry> entries(CurrentUser user, Locale locale) {
        if (user.username().isEmpty()) {
            return List.of();
        }
        Actor actor = actors.current();
        return catalog.allPublished().stream()
                .filter(form -> form.navigationGroup() != null && !form.navigationGroup().isBlank())
                .filter(form -> FormAccess.mayRead(form, actor))
                .map(form -> new NavigationEntry(group(form), form.navigationOrder(), form.label().in(locale),
                        RecordListView.path(form.id()), icon(form.icon())))
                .toList();
    }

    /** A group named like a navigation section goes there; every other group is a customer-related form. */
    private static NavigationGroup group(FormDefinition form) {
        return Arrays.stream(NavigationGroup.values())
                .filter(g -> g.name().equalsIgnoreCase(form.navigationGroup()))
                .findFirst().orElse(NavigationGroup.CUSTOMERS);
    }

    /** {@code user-card} → {@link VaadinIcon#USER_CARD}; unknown names get no icon rather than failing the menu. */
    static VaadinIcon icon(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return VaadinIcon.valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
