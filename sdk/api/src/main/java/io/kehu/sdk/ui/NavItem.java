package io.kehu.sdk.ui;

import io.kehu.sdk.LocalText;

/**
 * One navigation link of a plugin.
 *
 * @param path a {@link ViewContribution#path() view path} of the same plugin
 * @param label the link text
 * @param icon a Vaadin icon name such as {@code smiley-o}, or {@code null}
 * @param order position inside the Apps section, smaller first
 */
public record NavItem(String path, LocalText label, String icon, int order) {
}
