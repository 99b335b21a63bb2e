package io.kehu.platform.dedupe;

import io.kehu.platform.forms.LocalizedText;

/**
 * A likely duplicate and why.
 *
 * @param other the existing record's id, or the earlier file row's number
 * @param inFile whether {@code other} is a row of the same file rather than a stored record
 * @param title the other record's title (empty for a file row)
 * @param reason e.g. "同一手机号；名称相似度 90%" / "same phone, name 90% similar"
 * @param rowVersion the stored record's row version when it was found (0 for a file row): what a merge of the row
 *                   into the record expects
 */
public record DuplicateMatch(long other, boolean inFile, String title, LocalizedText reason, int rowVersion) {
}
