package io.kehu.platform.ui;

import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * One link of the side navigation.
 *
 * @param group the section it appears in
 * @param order position inside the section, smaller first
 * @param label the text, already in the user's language
 * @param path the route path, e.g. {@code forms/customer}
 * @param icon the icon, or {@code null}
 */
public record NavigationEntry(NavigationGroup group, int order, String label, String path, VaadinIcon icon) {
}
