package io.kehu.platform.imports;

import java.util.List;

/**
 * What undoing an import did.
 *
 * @param deleted records the import had created, now deleted
 * @param restored records the import had updated, now back to their earlier values
 * @param leftAlone records changed by someone since the import, listed and not touched
 */
public record UndoReport(long deleted, long restored, List<LeftAlone> leftAlone) {

    /** A record the undo did not touch, and its title for the list. */
    public record LeftAlone(String formId, long recordId, String title, boolean created) {
    }
}
