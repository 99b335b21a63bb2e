package io.kehu.platform.imports;

import io.kehu.platform.imports.job.JobStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files under {@code <data dir>/imports} and when they go: an uploaded file (named by its SHA-256) as soon as its
 * job is DONE or CANCELLED, unless another unfinished job reads it or it was uploaded again since the job started;
 * anything (uploads nobody imported, a FAILED job's file, problem lists, dry-run lists, half-received uploads) once
 * it is older than the keep period ({@code kehu.imports.keep-files}, default 7 days), except the files of unfinished
 * jobs, which a resume needs.
 */
final class ImportFiles {

    private static final Logger log = LoggerFactory.getLogger(ImportFiles.class);

    private final Path dir;
    private final Duration keep;
    private final JobStore jobs;

    ImportFiles(Path dir, Duration keep, JobStore jobs) {
        this.dir = dir;
        this.keep = keep;
        this.jobs = jobs;
    }

    /** After job {@code jobId} ended: removes its upload if it finished for good and nothing else needs it. */
    void jobEnded(String hash, long jobId) {
        ImportJob job = jobs.get(jobId).orElse(null);
        if (job == null || hash == null || !("DONE".equals(job.status()) || "CANCELLED".equals(job.status()))) {
            return;
        }
        Path file = dir.resolve(hash);
        try {
            if (!Files.exists(file) || jobs.filesInUse().contains(hash)
                    || Files.getLastModifiedTime(file).toInstant().isAfter(job.createdAt().toInstant())) {
                return;
            }
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not remove the import file {}", file, e);
        }
    }

    /** Removes what is older than the keep period and not needed by an unfinished job; returns how many files. */
    int sweep() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        Instant before = Instant.now().minus(keep);
        Set<String> inUse = jobs.filesInUse();
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || inUse.contains(name)
                        || !Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    continue;
                }
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            log.warn("Could not clean up {}", dir, e);
        }
        return removed;
    }
}
