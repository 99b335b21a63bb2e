/**
 * The workspace home of a sales or service person: my customers, today's and overdue follow-ups, recent activity,
 * open complaints and shortcuts, above the plugins' dashboard cards. Everything is read through
 * {@code records.Records} with the reader's own {@code Actor}, so a STAFF user sees only their customers' data.
 * {@link io.kehu.platform.workspace.Workspace} is the front; the boxes are in {@code workspace.ui}.
 */
package io.kehu.platform.workspace;
