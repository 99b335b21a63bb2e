package io.kehu.platform.plugins.sdk;

import io.kehu.platform.plugins.PluginFileStore;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.files.FileRefusedException;
import io.kehu.sdk.files.PluginFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * {@link PluginFiles} over {@link PluginFileStore}: one plugin's files. Images are checked by their first bytes
 * (JPEG or PNG, whatever the name says), their size in pixels is read from the header before decoding (so a small
 * file that inflates to a huge bitmap is refused without decoding it), then they are scaled down and stored as JPEG
 * with the JDK's ImageIO — no image library.
 */
public final class SdkFiles implements PluginFiles {

    private static final long MAX_PIXELS = 50_000_000L;
    private static final int MAX_NAME = 255;
    private static final int MAX_KEY = 200;

    private final String pluginId;
    private final PluginFileStore store;
    private final Supplier<Optional<String>> username;
    private final Clock clock;

    SdkFiles(String pluginId, PluginFileStore store, Supplier<Optional<String>> username, Clock clock) {
        this.pluginId = pluginId;
        this.store = store;
        this.username = username;
        this.clock = clock;
    }

    @Override
    public FileInfo storeImage(String ownerKey, String fileName, byte[] content, int maxSide) {
        checkNames(ownerKey, fileName);
        if (content == null || content.length == 0) {
            throw refused(FileRefusedException.Reason.EMPTY, "文件是空的", "The file is empty");
        }
        if (content.length > MAX_IMAGE_INPUT_BYTES) {
            throw refused(FileRefusedException.Reason.TOO_LARGE,
                    "照片太大（" + mb(content.length) + "），最大 " + mb(MAX_IMAGE_INPUT_BYTES),
                    "The photo is too large (" + mb(content.length) + "); at most " + mb(MAX_IMAGE_INPUT_BYTES));
        }
        if (!isJpeg(content) && !isPng(content)) {
            throw notAnImage();
        }
        BufferedImage image = decode(content);
        byte[] jpeg = jpeg(scaled(image, Math.max(64, maxSide)));
        if (jpeg.length > MAX_STORED_BYTES) {
            throw refused(FileRefusedException.Reason.TOO_LARGE, "压缩后照片仍然太大", "The photo is still too large "
                    + "after compression");
        }
        String base = fileName.strip();
        int dot = base.lastIndexOf('.');
        String name = (dot > 0 ? base.substring(0, dot) : base) + ".jpg";
        return write(ownerKey, name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name,
                "image/jpeg", jpeg);
    }

    @Override
    public FileInfo store(String ownerKey, String fileName, String contentType, byte[] content) {
        checkNames(ownerKey, fileName);
        if (content == null || content.length == 0) {
            throw refused(FileRefusedException.Reason.EMPTY, "文件是空的", "The file is empty");
        }
        if (content.length > MAX_STORED_BYTES) {
            throw refused(FileRefusedException.Reason.TOO_LARGE, "文件太大（" + mb(content.length) + "），最大 "
                    + mb(MAX_STORED_BYTES), "The file is too large (" + mb(content.length) + "); at most "
                    + mb(MAX_STORED_BYTES));
        }
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream"
                : contentType.strip();
        return write(ownerKey, fileName.strip(), type.length() > 100 ? "application/octet-stream" : type, content);
    }

    @Override
    public List<FileInfo> list(String ownerKey) {
        return store.list(pluginId, ownerKey).stream().map(SdkFiles::info).toList();
    }

    @Override
    public Optional<FileInfo> info(long fileId) {
        return store.find(pluginId, fileId).map(SdkFiles::info);
    }

    @Override
    public Optional<byte[]> content(long fileId) {
        return store.content(pluginId, fileId);
    }

    @Override
    public boolean delete(long fileId) {
        return store.delete(pluginId, fileId);
    }

    private FileInfo write(String ownerKey, String fileName, String contentType, byte[] content) {
        return info(store.insert(pluginId, ownerKey.strip(), fileName, contentType, content, sha256(content),
                clock.instant(), username.get().orElse(null)));
    }

    private static FileInfo info(PluginFileStore.Row r) {
        return new FileInfo(r.id(), r.ownerKey(), r.fileName(), r.contentType(), r.size(), r.sha256(), r.createdAt(),
                r.createdBy());
    }

    private static void checkNames(String ownerKey, String fileName) {
        if (ownerKey == null || ownerKey.isBlank() || ownerKey.length() > MAX_KEY) {
            throw refused(FileRefusedException.Reason.BAD_NAME, "文件归属键为空或超过 200 个字符",
                    "The owner key is blank or longer than 200 characters");
        }
        if (fileName == null || fileName.isBlank() || fileName.length() > MAX_NAME) {
            throw refused(FileRefusedException.Reason.BAD_NAME, "文件名为空或超过 255 个字符",
                    "The file name is blank or longer than 255 characters");
        }
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    /** Decodes after reading the size from the header: a decompression bomb is refused before any bitmap exists. */
    private static BufferedImage decode(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw refused(FileRefusedException.Reason.TOO_LARGE, "照片像素太多（最多 5000 万像素）",
                            "The photo has too many pixels (at most 50 million)");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw notAnImage();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FileRefusedException refused) {
                throw refused;
            }
            throw notAnImage();
        }
    }

    /** Scaled so that the longer side is at most {@code maxSide}, on white (a PNG's transparency has no JPEG). */
    private static BufferedImage scaled(BufferedImage image, int maxSide) {
        int w = image.getWidth();
        int h = image.getHeight();
        double factor = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * factor));
        int th = Math.max(1, (int) Math.round(h * factor));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write a JPEG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    private static FileRefusedException notAnImage() {
        return refused(FileRefusedException.Reason.NOT_AN_IMAGE, "不是可读取的 JPEG 或 PNG 照片",
                "Not a readable JPEG or PNG photo");
    }

    private static FileRefusedException refused(FileRefusedException.Reason reason, String zh, String en) {
        return new FileRefusedException(reason, LocalText.of(zh, en));
    }
}
