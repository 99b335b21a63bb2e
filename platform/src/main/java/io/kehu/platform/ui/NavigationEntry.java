package io.kehu.platform.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Supplier;

/**
 * One link of the side navigation.
 *
 * @param group the section it appears in
 * @param order position inside the section, smaller first
 * @param label the text, already in the user's language
 * @param path the route path, e.g. {@code forms/customer}
 * @param icon the icon, or {@code null}
 * @param badge a count shown after the label (e.g. open tasks), asked again on every page the user opens; blank hides
 *     it; {@code null} for none
 */
public record NavigationEntry(NavigationGroup group, int order, String label, String path, VaadinIcon icon,
        Supplier<String> badge) {

    /** A link without a badge. */
    public NavigationEntry(NavigationGroup group, int order, String label, String path, VaadinIcon icon) {
        this(group, order, label, path, icon, null);
    }
}
