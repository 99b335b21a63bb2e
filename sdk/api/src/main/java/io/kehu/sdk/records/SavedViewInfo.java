package io.kehu.sdk.records;

/**
 * A saved list view the reader may use (their own, or one shared with one of their roles), e.g. a campaign's
 * audience "华东重点客户": pass its id to {@link RecordSearch#savedView(long)}.
 *
 * @param id the view's id
 * @param name the name its owner gave it
 * @param shared whether it is shared with a role (else the reader's own)
 */
public record SavedViewInfo(long id, String name, boolean shared) {
}
