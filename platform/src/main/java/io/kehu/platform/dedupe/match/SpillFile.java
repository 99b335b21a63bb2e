package io.kehu.platform.dedupe.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records of a row number and a few strings, appended to a temporary file and read back by the offset
 * {@link #append} returned: what a run must be able to look up about every earlier row, kept on disk instead of the
 * heap. The file is unlinked as soon as it is open where the system allows (POSIX), so even a killed process leaves
 * nothing behind, and otherwise deleted on close; it is closed by {@link #close} or, failing that, when the spill
 * becomes unreachable. A record is {@code int length, long row, then per string an int byte count (-1: null) and its
 * UTF-8 bytes}; the last 64 KB stay in a buffer, so a look-up of a recent row reads no file.
 */
public final class SpillFile implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final int BUFFER = 64 * 1024;

    /** One record read back. */
    public record Entry(long row, String[] strings) {
    }

    private final FileChannel channel;
    private final Cleaner.Cleanable cleanable;
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    /** Bytes already in the file; the buffer holds what follows. */
    private long flushed;

    public SpillFile() {
        try {
            Path file = Files.createTempFile("kehu-spill", ".bin");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            try {
                Files.deleteIfExists(file);
            } catch (IOException stillOpen) {
                // Windows: deleted when the channel closes
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileChannel c = channel;
        cleanable = CLEANER.register(this, () -> closeQuietly(c));
    }

    /** Appends a record; returns its offset. */
    public long append(long row, String... strings) {
        byte[][] bytes = new byte[strings.length][];
        int length = 12;
        for (int i = 0; i < strings.length; i++) {
            bytes[i] = strings[i] == null ? null : strings[i].getBytes(StandardCharsets.UTF_8);
            length += 4 + (bytes[i] == null ? 0 : bytes[i].length);
        }
        if (buffer.remaining() < length) {
            flush();
            if (buffer.capacity() < length) {
                buffer = ByteBuffer.allocate(length);
            }
        }
        long offset = flushed + buffer.position();
        buffer.putInt(length).putLong(row);
        for (byte[] b : bytes) {
            buffer.putInt(b == null ? -1 : b.length);
            if (b != null) {
                buffer.put(b);
            }
        }
        return offset;
    }

    /** The record at {@code offset}. */
    public Entry read(long offset) {
        ByteBuffer record;
        if (offset >= flushed) {
            int at = (int) (offset - flushed);
            record = buffer.duplicate().position(at).limit(at + buffer.getInt(at)).slice();
        } else {
            ByteBuffer head = ByteBuffer.allocate(4);
            readFully(head, offset);
            record = ByteBuffer.allocate(head.getInt(0));
            readFully(record, offset);
        }
        record.position(4);
        long row = record.getLong();
        java.util.List<String> strings = new java.util.ArrayList<>(3);
        while (record.hasRemaining()) {
            int n = record.getInt();
            if (n < 0) {
                strings.add(null);
            } else {
                strings.add(new String(record.array(), record.arrayOffset() + record.position(), n,
                        StandardCharsets.UTF_8));
                record.position(record.position() + n);
            }
        }
        return new Entry(row, strings.toArray(String[]::new));
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    private void flush() {
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                flushed += channel.write(buffer, flushed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.clear();
    }

    private void readFully(ByteBuffer into, long offset) {
        try {
            while (into.hasRemaining()) {
                if (channel.read(into, offset + into.position()) < 0) {
                    throw new IOException("spill file ends before offset " + offset);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        into.flip();
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing to keep: the file is temporary
        }
    }
}
