/**
 * The shell every user sees: sign-in, the main layout (side navigation, language switch, user menu) and the home
 * page that will host dashboard widgets. Texts come from the message bundles only.
 */
package io.kehu.platform.ui;
