/**
 * Security: platform accounts and roles, sign-in (Spring Security with Vaadin's login view,
 * {@link io.kehu.platform.security.LoginView}), throttling of repeated failed sign-ins, and the current user as views
 * and services see it. Record- and field-level access builds on {@link io.kehu.platform.security.Role} and
 * {@link io.kehu.platform.security.CurrentUser}.
 */
package io.kehu.platform.security;
