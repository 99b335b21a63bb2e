package io.kehu.platform.views;

import io.kehu.platform.security.Role;

/**
 * A named list view a user saved, possibly shared with everyone holding a role.
 *
 * @param id the stored id
 * @param formId the form it lists
 * @param ownerId the user who saved it (only they may delete it)
 * @param name the name the user gave it
 * @param sharedWith the role it is shared with, or {@code null} for private
 * @param state columns, sort, search and filters
 */
record SavedView(long id, String formId, long ownerId, String name, Role sharedWith, ViewState state) {
}
