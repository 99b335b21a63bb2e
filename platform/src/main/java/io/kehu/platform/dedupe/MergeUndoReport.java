package io.kehu.platform.dedupe;

import java.util.List;

/**
 * What undoing a merge did.
 *
 * @param restored whether the merged record is back
 * @param movedBack related records pointing at it again
 * @param leftAlone records changed since the merge (form label and title), not overwritten
 */
public record MergeUndoReport(boolean restored, long movedBack, List<String> leftAlone) {
}
