package io.kehu.sdk.files;

import java.util.List;
import java.util.Optional;

/**
 * Files a plugin keeps in the platform's database ({@code kehu_plugin_file}), filed under keys the plugin chooses
 * (e.g. {@code visit_check:42}); each plugin sees only its own. Writes join the current transaction (inside
 * {@code transactions().call} a file and the record that counts it commit together). Files live in the database, so
 * several application nodes share them and a backup holds them.
 *
 * <pre>{@code
 * FileInfo photo = context.files().storeImage("visit_check:" + checkId, "IMG_0042.png", bytes, 1600);
 * }</pre>
 */
public interface PluginFiles {

    /** The most a stored file may weigh (after compression for images): 5 MB. */
    long MAX_STORED_BYTES = 5L * 1024 * 1024;

    /** The most an image handed to {@link #storeImage} may weigh before compression: 20 MB. */
    long MAX_IMAGE_INPUT_BYTES = 20L * 1024 * 1024;

    /**
     * Stores a photo: the content must be a JPEG or PNG picture (checked by its bytes and by decoding it, whatever
     * the name says; at most 50 million pixels), which is scaled down so that its longer side is at most
     * {@code maxSide} pixels and stored as a JPEG (quality 0.8) named like the original with {@code .jpg}.
     *
     * @throws FileRefusedException EMPTY, TOO_LARGE, NOT_AN_IMAGE or BAD_NAME, with the reason in zh and en
     */
    FileInfo storeImage(String ownerKey, String fileName, byte[] content, int maxSide);

    /**
     * Stores a file as it is.
     *
     * @throws FileRefusedException EMPTY, TOO_LARGE or BAD_NAME
     */
    FileInfo store(String ownerKey, String fileName, String contentType, byte[] content);

    /** The plugin's files under a key, oldest first. */
    List<FileInfo> list(String ownerKey);

    /** One of the plugin's files. */
    Optional<FileInfo> info(long fileId);

    /** The content of one of the plugin's files; empty when there is no such file of this plugin. */
    Optional<byte[]> content(long fileId);

    /** Deletes one of the plugin's files; false when there was none. */
    boolean delete(long fileId);
}
