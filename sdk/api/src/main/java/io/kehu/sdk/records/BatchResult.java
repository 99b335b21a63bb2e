package io.kehu.sdk.records;

/**
 * What a committed {@link BatchWrite} did.
 *
 * @param created records created
 * @param updated records changed
 * @param unchanged updates that changed nothing (and wrote nothing)
 */
public record BatchResult(long created, long updated, long unchanged) {
}
