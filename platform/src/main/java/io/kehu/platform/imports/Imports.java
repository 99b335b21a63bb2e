package io.kehu.platform.imports;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.imports.job.JobStore;
import io.kehu.platform.imports.job.ProblemSheet;
import io.kehu.platform.imports.job.Runner;
import io.kehu.platform.imports.job.Undo;
import io.kehu.platform.imports.mapping.HeaderMatcher;
import io.kehu.platform.imports.mapping.MappingStore;
import io.kehu.platform.imports.read.CsvFile;
import io.kehu.platform.imports.read.Encodings;
import io.kehu.platform.imports.read.Workbooks;
import io.kehu.platform.records.BatchCancelledException;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The front of imports: keep an uploaded file, read its headers, propose and save the mapping, dry-run it, run it as a
 * background job (progress, cancel, resume after a restart), undo it, and write its problem list as a spreadsheet.
 * Files are kept under {@code <data dir>/imports} by their SHA-256, so a job can be resumed and a file re-imported
 * is recognised.
 */
@Service
public class Imports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final FormCatalog catalog;
    private final MappingStore mappings;
    private final JobStore jobs;
    private final Runner runner;
    private final Undo undo;
    private final UserAccounts accounts;
    private final Path dir;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kehu-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, ImportProgress> running = new ConcurrentHashMap<>();
    private final Map<Long, ImportReport> results = new ConcurrentHashMap<>();
    private final String node;
    private final Duration lease;
    private final ImportFiles files;
    /** Renews the leases of the jobs this node runs, resumes jobs whose node went away, removes old files. */
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kehu-import-housekeeping");
        t.setDaemon(true);
        return t;
    });

    Imports(FormCatalog catalog, MappingStore mappings, JobStore jobs, Runner runner, Undo undo,
            UserAccounts accounts, @Value("${kehu.db.data-dir:data}") Path dataDir,
            @Value("${kehu.imports.node:}") String node,
            @Value("${kehu.imports.lease:PT2M}") Duration lease,
            @Value("${kehu.imports.keep-files:P7D}") Duration keepFiles) {
        this.catalog = catalog;
        this.mappings = mappings;
        this.jobs = jobs;
        this.runner = runner;
        this.undo = undo;
        this.accounts = accounts;
        this.dir = dataDir.resolve("imports");
        this.node = node == null || node.isBlank() ? defaultNode() : node;
        this.lease = lease;
        this.files = new ImportFiles(dir, keepFiles, jobs);
    }

    /** This node's name in job leases: host name and process id, made unique by a random suffix. */
    private static String defaultNode() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            host = "node";
        }
        String id = host + ":" + ProcessHandle.current().pid() + ":" + java.util.UUID.randomUUID().toString()
                .substring(0, 8);
        return id.length() <= 120 ? id : id.substring(id.length() - 120);
    }

    /** This node's name in job leases. */
    public String node() {
        return node;
    }

    // ------------------------------------------------------------------ the file

    /** Keeps the uploaded {@code content} and guesses how to read it (encoding and delimiter, or the sheets). */
    public ImportSource keep(InputStream content, String fileName) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "upload", ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(content, sha)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        Path file = dir.resolve(hash);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(8);
        }
        if (Workbooks.isWorkbook(start)) {
            List<String> sheets = Workbooks.sheetNames(file);
            return new ImportSource(file, fileName, hash, true, null, ',', sheets, sheets.isEmpty() ? null
                    : sheets.get(0));
        }
        CsvFile csv = CsvFile.guessed(file);
        return new ImportSource(file, fileName, hash, false, csv.encoding(), csv.delimiter(), List.of(), null);
    }

    /** The header row of the source as it is read now (encoding, delimiter, sheet). */
    public List<String> headers(ImportSource source) throws IOException {
        return source.table().headers();
    }

    /** The delimiter the source's first lines suggest in {@code encoding}. */
    public char sniffDelimiter(ImportSource source) throws IOException {
        return source.xlsx() ? ',' : CsvFile.sniffDelimiter(source.file(), source.encoding());
    }

    /** The encodings offered for CSV files. */
    public static List<java.nio.charset.Charset> encodings() {
        return Encodings.CHOICES;
    }

    // ------------------------------------------------------------------ mapping

    /** The fields of {@code form} an import by {@code actor} may fill: stored, writable, not computed or read-only. */
    public List<FieldDefinition> importableFields(FormDefinition form, Actor actor) {
        return form.fields().stream()
                .filter(f -> f.storedType() != FieldType.SUBTABLE && f.type() != FieldType.COMPUTED)
                .filter(f -> actor.isSystem() || !f.readOnly() && f.access().mayWrite(actor.roles())
                        && f.access().mayRead(actor.roles()))
                .toList();
    }

    /** A mapping for {@code headers}: the form's saved one where it knows the header, else by id or label. */
    public ImportMapping proposeMapping(FormDefinition form, List<String> headers, Actor actor) {
        ImportMapping proposed = HeaderMatcher.propose(headers, importableFields(form, actor));
        return mappings.saved(form.id()).map(saved -> MappingStore.reuse(saved, proposed)).orElse(proposed);
    }

    public void saveMapping(String formId, ImportMapping mapping, Actor actor) {
        mappings.save(formId, mapping, actor);
    }

    // ------------------------------------------------------------------ dry run, import, undo

    /** The whole file through the write path's checks, nothing written. Every problem is in the report's file. */
    public ImportReport dryRun(Actor actor, ImportSettings settings, ImportProgress progress) throws IOException {
        requireWrite(actor, settings.formId());
        Files.createDirectories(dir);
        progress.total(runner.countRows(settings));
        Path problems = Files.createTempFile(dir, "dry-run-", ".problems");
        return runner.dryRun(actor, settings, progress, problems);
    }

    /** Starts the import in the background; returns the job id. */
    public long start(Actor actor, ImportSettings settings) {
        requireWrite(actor, settings.formId());
        long id = jobs.insert(actor, settings, node, lease);
        ImportProgress progress = new ImportProgress();
        running.put(id, progress);
        executor.submit(() -> execute(id, actor, settings, progress));
        return id;
    }

    /** Runs the import in the calling thread (tests, the benchmark); returns the job id. */
    public long runNow(Actor actor, ImportSettings settings) {
        requireWrite(actor, settings.formId());
        long id = jobs.insert(actor, settings, node, lease);
        ImportProgress progress = new ImportProgress();
        running.put(id, progress);
        execute(id, actor, settings, progress);
        return id;
    }

    /**
     * Resumes a job a stopped process left unfinished, in the calling thread (as at start-up), if this node can claim
     * it: nobody holds a live lease on it (see {@link JobStore#claim}). Returns whether it ran here.
     */
    public boolean resume(long jobId) {
        if (!jobs.claim(jobId, node, lease)) {
            return false;
        }
        running.put(jobId, new ImportProgress());
        runClaimed(jobId);
        return true;
    }

    /** Runs a job this node has just claimed (and put among its running jobs, so that its lease is renewed). */
    private void runClaimed(long jobId) {
        ImportJob job = jobs.get(jobId).orElseThrow();
        Path file = dir.resolve(job.fileHash());
        if (!Files.exists(file)) {
            running.remove(jobId);
            jobs.status(jobId, "FAILED", JobMessage.of("imports.job.fileGone").stored());
            return;
        }
        Actor actor = job.userId() == null ? Actor.system(job.userName())
                : accounts.findByUsername(job.userName()).map(Actor::of).orElse(null);
        if (actor == null) {
            running.remove(jobId);
            jobs.status(jobId, "FAILED", JobMessage.of("imports.job.userGone").stored());
            return;
        }
        execute(jobId, actor, jobs.settings(jobId, file), running.get(jobId));
    }

    private void execute(long id, Actor actor, ImportSettings settings, ImportProgress progress) {
        try {
            jobs.status(id, "RUNNING", null);
            long total = runner.countRows(settings);
            progress.total(total);
            jobs.total(id, total);
            ImportReport report = runner.run(actor, id, settings, progress, dir.resolve(id + ".problems"));
            results.put(id, report);
            if (report.stoppedAt() > 0) {
                jobs.status(id, "FAILED", JobMessage.of("imports.stopped", report.stoppedAt()).stored());
            } else {
                jobs.status(id, "DONE", null);
            }
        } catch (BatchCancelledException e) {
            jobs.status(id, "CANCELLED", JobMessage.of(settings.skipBadRows() ? "imports.job.cancelledKept"
                    : "imports.job.cancelledNothing").stored());
        } catch (RuntimeException e) {
            log.warn("Import {} failed", id, e);
            jobs.status(id, "FAILED", JobMessage.failure(e).stored());
        } finally {
            progress.rows(progress.rows());
            running.remove(id);
            files.jobEnded(settings.source().hash(), id);
        }
    }

    /**
     * Resumes the jobs a stopped process left queued or running, and from then on, every third of a lease: renews
     * this node's leases, takes over jobs whose node stopped renewing (another node's crash), and removes old files.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        resumeClaimable();
        long every = Math.max(1_000, lease.toMillis() / 3);
        housekeeping.scheduleWithFixedDelay(this::housekeeping, every, every, TimeUnit.MILLISECONDS);
    }

    /** Claims each claimable job (one node wins each) and queues the ones won on this node's import thread. */
    private void resumeClaimable() {
        for (long id : jobs.claimable()) {
            if (!running.containsKey(id) && jobs.claim(id, node, lease)) {
                running.put(id, new ImportProgress());
                executor.submit(() -> runClaimed(id));
            }
        }
    }

    private void housekeeping() {
        try {
            jobs.renew(running.keySet(), node, lease);
            resumeClaimable();
            files.sweep();
        } catch (RuntimeException e) {
            log.warn("Import housekeeping failed; trying again later", e);
        }
    }

    /** Removes the kept files older than the keep period that no unfinished job needs; returns how many. */
    public int removeOldFiles() {
        return files.sweep();
    }

    /** The live progress of a running job. */
    public Optional<ImportProgress> progress(long jobId) {
        return Optional.ofNullable(running.get(jobId));
    }

    public void cancel(Actor actor, long jobId) {
        job(actor, jobId).flatMap(j -> progress(j.id())).ifPresent(ImportProgress::cancel);
    }

    /** The job, if {@code actor} started it or is an administrator. */
    public Optional<ImportJob> job(Actor actor, long jobId) {
        return jobs.get(jobId).filter(j -> mayManage(actor, j));
    }

    /** The report of a job finished since this server started (its problems file stays on disk either way). */
    public Optional<ImportReport> result(long jobId) {
        return Optional.ofNullable(results.get(jobId));
    }

    /** The actor's imports, newest first (administrators: everybody's). */
    public List<ImportJob> jobs(Actor actor) {
        return jobs.list(actor.isSystem() || actor.hasRole(Role.ADMIN) ? null : actor.userId(), 200);
    }

    /** Undoes a finished import (see {@code imports.job.Undo}). */
    public UndoReport undo(Actor actor, long jobId) {
        ImportJob job = job(actor, jobId).orElseThrow(() -> new IllegalArgumentException("No import " + jobId));
        if (!"DONE".equals(job.status()) && !"CANCELLED".equals(job.status())) {
            throw new IllegalStateException("Import " + jobId + " is " + job.status() + " and cannot be undone");
        }
        UndoReport report = undo.undo(actor, jobId);
        jobs.undone(jobId, report.leftAlone().isEmpty() ? null
                : JobMessage.of("imports.job.leftAlone", report.leftAlone().size()).stored());
        return report;
    }

    /** The problems file of job {@code jobId}. */
    public Path problemsOf(long jobId) {
        return dir.resolve(jobId + ".problems");
    }

    /** Writes every problem of {@code problems} (a report's file) as an XLSX sheet in {@code locale}. */
    public static void writeProblemsXlsx(Path problems, List<String> headings, Locale locale, OutputStream out) {
        try {
            ProblemSheet.write(problems, headings, locale, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireWrite(Actor actor, String formId) {
        FormDefinition form = catalog.published(formId).orElseThrow(() -> new IllegalArgumentException(
                "No published form " + formId));
        if (!actor.isSystem() && !form.access().mayWrite(actor.roles())) {
            throw new RecordAccessDeniedException(null, io.kehu.platform.forms.LocalizedText.of(
                    actor.username() + " 无权导入“" + form.id() + "”的记录",
                    actor.username() + " may not import records of form " + form.id()));
        }
        if (!form.importable()) {
            throw new RecordAccessDeniedException(null, io.kehu.platform.forms.LocalizedText.of(
                    "“" + form.label().in(Locale.SIMPLIFIED_CHINESE) + "”的记录由系统或插件自动生成，不能导入；请选择其他表单导入",
                    "Records of “" + form.label().in(Locale.ENGLISH) + "” are kept by the system or a plugin and "
                            + "cannot be imported; choose another form to import into"));
        }
    }

    private static boolean mayManage(Actor actor, ImportJob job) {
        return actor.isSystem() || actor.hasRole(Role.ADMIN) || java.util.Objects.equals(actor.userId(), job.userId());
    }

    @Override
    public void destroy() {
        housekeeping.shutdownNow();
        executor.shutdownNow();
    }
}
