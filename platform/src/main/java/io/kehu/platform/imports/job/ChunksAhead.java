package io.kehu.platform.imports.job;

import io.kehu.platform.imports.read.FileRow;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a file's chunks and prepares each ({@link ImportRun#prepare}) on a thread of its own, while the run's thread
 * writes the chunks before: on two cores the reading, cell conversion, duplicate keys and look-ups of chunk N+1 take
 * the one core while the database stores chunk N on the other, instead of each waiting for the other. At most
 * {@value #AHEAD} prepared chunks wait to be written, so memory stays a few chunks. Chunks come out in file order;
 * what failed on the preparing thread is thrown by {@link #next} as it was thrown.
 */
final class ChunksAhead implements AutoCloseable {

    static final int AHEAD = 1;

    private static final Object END = new Object();

    /** Thrown inside the preparing thread to stop it once the run has ended. */
    private static final class Closed extends RuntimeException {
        Closed() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private boolean ended;
    /** Nanoseconds the writing thread waited for a prepared chunk, and the preparing thread for room to hand one. */
    private long writerWaited;
    private volatile long preparerWaited;
    private int chunks;

    /**
     * @param name    the preparing thread's name
     * @param read    reads the file from its first row to do, handing over each chunk in order
     * @param prepare prepares one chunk (in a transaction of its own)
     */
    ChunksAhead(String name, Consumer<Consumer<List<FileRow>>> read,
                Function<List<FileRow>, ImportRun.Prepared> prepare) {
        thread = Thread.ofPlatform().name(name).daemon().unstarted(() -> {
            try {
                read.accept(chunk -> hand(prepare.apply(chunk)));
                hand(END);
            } catch (Closed stopped) {
                // the run ended first: nothing more is wanted
            } catch (RuntimeException | Error e) {
                try {
                    hand(e);
                } catch (Closed stopped) {
                    // ended meanwhile
                }
            }
        });
        thread.start();
    }

    /**
     * The next prepared chunk in file order, {@code null} after the last one.
     *
     * @throws RuntimeException what preparing it threw
     */
    ImportRun.Prepared next() {
        if (ended) {
            return null;
        }
        Object o;
        long began = System.nanoTime();
        try {
            o = ready.take();
            writerWaited += System.nanoTime() - began;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next chunk", e);
        }
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (o instanceof Error e) {
            ended = true;
            throw e;
        }
        chunks++;
        return (ImportRun.Prepared) o;
    }

    /**
     * Which side the run waited on, for the log: a writer that hardly waits has the longer half (its checks and the
     * database's writes), a preparer that hardly waits the other.
     */
    String waits() {
        return String.format("%d chunks; the writing thread waited %.1f s for prepared chunks, the preparing thread"
                + " %.1f s for the writer", chunks, writerWaited / 1e9, preparerWaited / 1e9);
    }

    private void hand(Object o) {
        long began = System.nanoTime();
        try {
            while (!ready.offer(o, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new Closed();
                }
            }
        } catch (InterruptedException e) {
            throw new Closed();
        } finally {
            preparerWaited += System.nanoTime() - began;
        }
        if (closed) {
            throw new Closed();
        }
    }

    /**
     * Stops the preparing thread (after the chunk it is on: its look-ups are not interrupted half way, which would
     * leave its pooled connection in doubt) and waits for it.
     */
    @Override
    public void close() {
        closed = true;
        ready.clear();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
