package io.kehu.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.kehu.platform.i18n.LanguagePreference;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The frame around every signed-in page: a drawer with the side navigation (links from every
 * {@link NavigationContributor}, grouped by {@link NavigationGroup}, with optional count badges), and a header with
 * the items of every {@link HeaderContributor} (the notification bell), the language switch and the user menu. On a phone the drawer folds away.
 */
@PermitAll
public class MainLayout extends AppLayout {

    private final CurrentUser currentUser;
    private final LanguagePreference languages;
    private final List<NavigationContributor> contributors;
    private final List<HeaderContributor> headerItems;

    public MainLayout(CurrentUser currentUser, LanguagePreference languages, List<NavigationContributor> contributors,
                      List<HeaderContributor> headerItems) {
        this.currentUser = currentUser;
        this.languages = languages;
        this.contributors = contributors;
        this.headerItems = headerItems;
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle")); // Vaadin's default is English
        addToNavbar(toggle, header());
        addToDrawer(brand(), new Scroller(navigation()));
    }

    private HorizontalLayout header() {
        Span spacer = new Span();
        HorizontalLayout header = new HorizontalLayout(spacer);
        for (HeaderContributor contributor : headerItems) {
            contributor.item(currentUser, getLocale()).ifPresent(header::add);
        }
        header.add(languageSwitch(), userMenu());
        header.setFlexGrow(1, spacer);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.getStyle().set("padding-inline-end", "var(--lumo-space-m)");
        return header;
    }

    private VerticalLayout brand() {
        Span name = new Span(getTranslation("app.name"));
        name.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout brand = new VerticalLayout(name, tagline);
        brand.setSpacing(false);
        brand.setId("brand");
        return brand;
    }

    private VerticalLayout navigation() {
        Map<NavigationGroup, List<NavigationEntry>> byGroup = new EnumMap<>(NavigationGroup.class);
        byGroup.computeIfAbsent(NavigationGroup.WORKSPACE, g -> new ArrayList<>()).add(
                new NavigationEntry(NavigationGroup.WORKSPACE, 0, getTranslation("nav.home"), "", VaadinIcon.HOME));
        for (NavigationContributor contributor : contributors) {
            for (NavigationEntry entry : contributor.entries(currentUser, getLocale())) {
                byGroup.computeIfAbsent(entry.group(), g -> new ArrayList<>()).add(entry);
            }
        }
        VerticalLayout nav = new VerticalLayout();
        for (NavigationGroup group : NavigationGroup.values()) {
            List<NavigationEntry> entries = byGroup.getOrDefault(group, List.of());
            if (entries.isEmpty() && group != NavigationGroup.CUSTOMERS
                    && !(group == NavigationGroup.ADMIN && currentUser.hasRole(Role.ADMIN))) {
                continue;
            }
            SideNav section = new SideNav(getTranslation(group.messageKey()));
            section.setId("nav-" + group.name().toLowerCase(java.util.Locale.ROOT));
            entries.stream()
                    .sorted(Comparator.comparingInt(NavigationEntry::order).thenComparing(NavigationEntry::label))
                    .forEach(e -> section.addItem(item(e)));
            nav.add(section);
        }
        nav.getElement().setAttribute("aria-label", getTranslation("nav.label"));
        nav.setPadding(false);
        return nav;
    }

    private static SideNavItem item(NavigationEntry e) {
        SideNavItem item = e.icon() == null ? new SideNavItem(e.label(), e.path())
                : new SideNavItem(e.label(), e.path(), e.icon().create());
        if (e.badge() != null) {
            item.setSuffixComponent(new NavigationBadge("nav-badge-" + e.path().replace('/', '-'), e.badge()));
        }
        return item;
    }

    private Button languageSwitch() {
        String target = Languages.other(getLocale()).equals(Languages.CHINESE) ? "zh" : "en";
        Button button = new Button(getTranslation("language.name." + target), VaadinIcon.GLOBE.create());
        button.setId("language-switch");
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        button.setTooltipText(getTranslation("language.switch.tooltip"));
        button.addClickListener(click -> {
            UI ui = UI.getCurrent();
            languages.choose(ui, Languages.other(getLocale()));
            ui.getPage().reload(); // every view re-renders its texts in the new language
        });
        return button;
    }

    private MenuBar userMenu() {
        String name = currentUser.displayName();
        Avatar avatar = new Avatar(name);
        avatar.setAbbreviation(initials(name));
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        Span label = new Span(name);
        label.setId("user-name");
        label.addClassName("kehu-user-name");
        HorizontalLayout trigger = new HorizontalLayout(avatar, label);
        trigger.setAlignItems(FlexComponent.Alignment.CENTER);
        trigger.setSpacing(true);

        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        MenuItem root = menu.addItem(trigger);
        MenuItem role = root.getSubMenu().addItem(getTranslation("user.menu.role", roleNames()));
        role.setEnabled(false);
        root.getSubMenu().addItem(getTranslation("user.menu.account"), click -> UI.getCurrent().navigate("account"))
                .setId("my-account");
        root.getSubMenu().addItem(getTranslation("user.menu.signOut"), click -> currentUser.logout())
                .setId("sign-out");
        return menu;
    }

    /**
     * Tells the layout around {@code component} that counts it shows may have changed without a navigation (a
     * workflow step closed a task): every {@link LiveCount} in it reads its count again.
     */
    public static void countsChanged(com.vaadin.flow.component.Component component) {
        component.getUI().ifPresent(ui -> ui.getChildren().filter(MainLayout.class::isInstance)
                .forEach(MainLayout::refreshCounts));
    }

    private static void refreshCounts(com.vaadin.flow.component.Component root) {
        if (root instanceof LiveCount count) {
            count.refresh();
        }
        root.getChildren().forEach(MainLayout::refreshCounts);
    }

    /** 李强 Li Qiang → 李; Li Qiang → LQ: a Chinese name is abbreviated by its family name. */
    static String initials(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return "?";
        }
        int first = trimmed.codePointAt(0);
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HAN) {
            return Character.toString(first);
        }
        return Arrays.stream(trimmed.split("\\s+")).limit(2)
                .map(word -> word.substring(0, 1).toUpperCase(java.util.Locale.ROOT))
                .collect(Collectors.joining());
    }

    private String roleNames() {
        return Arrays.stream(Role.values())
                .filter(currentUser::hasRole)
                .map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(", "));
    }
}
