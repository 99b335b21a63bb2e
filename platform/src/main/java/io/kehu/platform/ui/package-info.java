/**
 * The shell every user sees once signed in: the main layout (side navigation, language switch, user menu) and the
 * home page that will host dashboard widgets. The sign-in page belongs to {@code security}. Texts come from the
 * message bundles only.
 */
package io.kehu.platform.ui;
