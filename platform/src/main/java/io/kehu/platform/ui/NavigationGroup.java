package io.kehu.platform.ui;

/** The sections of the side navigation, in display order; each has a message key {@code nav.<name lower-case>}. */
public enum NavigationGroup {
    /** Home and personal pages. */
    WORKSPACE,
    /** Customers and their records (forms). */
    CUSTOMERS,
    /** Capabilities contributed by plugins. */
    APPS,
    /** Forms, rules, plugins and users: ADMIN only. */
    ADMIN;

    public String messageKey() {
        return "nav." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
