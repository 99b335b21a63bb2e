/**
 * The import screens: the wizard {@code forms/<form>/import} (upload → encoding/sheet → mapping → dry run → import
 * with progress → result and undo) and the user's imports {@code imports}. Internal to {@code imports}; the list view
 * links to the wizard by its route.
 */
package io.kehu.platform.imports.ui;
