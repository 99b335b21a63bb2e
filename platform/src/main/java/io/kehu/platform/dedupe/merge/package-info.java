/** The merge of two records through the one write path, its log and its undo. */
package io.kehu.platform.dedupe.merge;
