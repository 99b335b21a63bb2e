/**
 * The end-user screens rendered from published form definitions: the side-navigation links of the forms, the list
 * view ({@code forms/<form>}: lazy grid, filters, quick search, saved views, bulk actions, CSV/XLSX export) and the
 * record view ({@code forms/<form>/<id>} and {@code forms/<form>/new}: sections, tabs, editors per field type, live
 * conditions, conflicts, history, related records). Every read and write goes through {@code records.Records}, so
 * permissions, ownership, validation and audit are never re-implemented here; the views only decide what to show.
 */
package io.kehu.platform.views;
