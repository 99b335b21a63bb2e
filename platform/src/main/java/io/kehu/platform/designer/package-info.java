/**
 * The form designer: administrators reshape forms in the browser without files or restarts. The forms list
 * ({@code admin/forms}) and the designer ({@code admin/forms/<form>}): a palette of field types dragged onto sections,
 * columns and tabs, property panels, form settings, a live preview rendered by the record view's own renderer, an
 * editable JSON view, undo/redo, drafts, a migration preview before publishing, version history with diffs and
 * rollback, JSON export and import. It edits immutable {@code forms.FormDefinition} snapshots and publishes only
 * through {@code forms.FormPublisher}, so every rule of the definition format and of schema sync applies unchanged.
 * The workflow editor ({@code admin/workflows}) lives here too; its per-row settings dialogs are in
 * {@code designer.workflow}.
 */
package io.kehu.platform.designer;
