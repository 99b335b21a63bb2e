/**
 * Duplicates and merge (issue #18): rules per form saying which fields make two records the same customer (phone,
 * e-mail, name similarity), the search for duplicates of file rows (used by the import's dry run) and among stored
 * records, and the merge of two records with its undo. The front is {@link io.kehu.platform.dedupe.Duplicates};
 * {@code match} holds the normalisation and comparison, {@code merge} the merge and its log, {@code ui} the screen.
 */
package io.kehu.platform.dedupe;
