package io.kehu.sdk.files;

import java.time.Instant;

/**
 * A stored file, without its content.
 *
 * @param id the file's id
 * @param ownerKey what the plugin filed it under, e.g. {@code visit_check:42}
 * @param fileName its name as stored (an image's ends in {@code .jpg} after compression)
 * @param contentType its MIME type, e.g. {@code image/jpeg}
 * @param size its size in bytes, as stored
 * @param sha256 the SHA-256 of the stored content, lower-case hex
 * @param createdAt when it was stored
 * @param createdBy the user name of who stored it, or null when the plugin did on its own
 */
public record FileInfo(long id, String ownerKey, String fileName, String contentType, long size, String sha256,
        Instant createdAt, String createdBy) {
}
