package io.kehu.platform.imports.job;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.kehu.platform.imports.DuplicateDecision;
import io.kehu.platform.imports.ImportJob;
import io.kehu.platform.imports.ImportMapping;
import io.kehu.platform.imports.ImportMode;
import io.kehu.platform.imports.ImportSettings;
import io.kehu.platform.imports.ImportSource;
import io.kehu.platform.security.Actor;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code kehu_import_job} table (V11): one row per import, its settings, status, progress and counts. */
@Component
public class JobStore {

    private static final Table<Record> JOB = table(name("kehu_import_job"));
    private static final Field<Long> ID = field(name("id"), Long.class);
    private static final Field<String> FORM_ID = field(name("form_id"), String.class);
    private static final Field<Long> USER_ID = field(name("user_id"), Long.class);
    private static final Field<String> USER_NAME = field(name("user_name"), String.class);
    private static final Field<String> FILE_NAME = field(name("file_name"), String.class);
    private static final Field<String> FILE_HASH = field(name("file_hash"), String.class);
    private static final Field<String> FILE_KIND = field(name("file_kind"), String.class);
    private static final Field<String> ENCODING = field(name("encoding"), String.class);
    private static final Field<String> SHEET = field(name("sheet"), String.class);
    private static final Field<String> DELIMITER = field(name("delimiter"), String.class);
    private static final Field<String> MAPPING = field(name("mapping"), String.class);
    private static final Field<String> MODE = field(name("mode"), String.class);
    private static final Field<Boolean> SKIP = field(name("skip_bad_rows"), Boolean.class);
    private static final Field<Boolean> SKIP_DUPLICATES = field(name("skip_duplicates"), Boolean.class);
    private static final Field<Long> DUPLICATES = field(name("duplicate_count"), Long.class);
    private static final Field<String> STATUS = field(name("status"), String.class);
    private static final Field<Long> TOTAL = field(name("total_rows"), Long.class);
    private static final Field<Long> DONE = field(name("done_rows"), Long.class);
    private static final Field<Long> LAST_ROW = field(name("last_row"), Long.class);
    private static final Field<Long> CREATED = field(name("created_count"), Long.class);
    private static final Field<Long> UPDATED = field(name("updated_count"), Long.class);
    private static final Field<Long> UNCHANGED = field(name("unchanged_count"), Long.class);
    private static final Field<Long> REFUSED = field(name("refused_count"), Long.class);
    private static final Field<String> MESSAGE = field(name("message"), String.class);
    private static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> FINISHED_AT = field(name("finished_at"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> UNDONE_AT = field(name("undone_at"), OffsetDateTime.class);
    private static final Field<String> DECISIONS = field(name("duplicate_decisions"), String.class);
    private static final Field<String> REMAINING = field(name("duplicate_remaining"), String.class);
    private static final Field<String> LEASE_OWNER = field(name("lease_owner"), String.class);
    private static final Field<OffsetDateTime> LEASE_UNTIL = field(name("lease_until"), OffsetDateTime.class);
    private static final TypeReference<Map<Long, DuplicateDecision>> DECISION_MAP = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    JobStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores a new job, QUEUED and leased to {@code node} (which is about to run it) for {@code lease}. */
    public long insert(Actor actor, ImportSettings s, String node, Duration lease) {
        ImportSource src = s.source();
        return dsl.insertInto(JOB).set(FORM_ID, s.formId()).set(USER_ID, actor.userId())
                .set(USER_NAME, actor.username()).set(FILE_NAME, src.fileName()).set(FILE_HASH, src.hash())
                .set(FILE_KIND, src.kind())
                .set(ENCODING, src.encoding() == null ? null : src.encoding().name()).set(SHEET, src.sheet())
                .set(DELIMITER, String.valueOf(src.delimiter())).set(MAPPING, JSON.writeValueAsString(s.mapping()))
                .set(MODE, s.mode().name()).set(SKIP, s.skipBadRows())
                .set(SKIP_DUPLICATES, s.skipDuplicates()).set(STATUS, "QUEUED")
                .set(DECISIONS, s.decisions().isEmpty() ? null : JSON.writeValueAsString(s.decisions()))
                .set(REMAINING, s.remaining() == null ? null : s.remaining().name())
                .set(LEASE_OWNER, node).set(LEASE_UNTIL, now().plus(lease))
                .set(CREATED_AT, now()).returningResult(ID).fetchOne().value1();
    }

    public Optional<ImportJob> get(long id) {
        return dsl.selectFrom(JOB).where(ID.eq(id)).fetchOptional(JobStore::job);
    }

    /** The jobs of {@code userId}, newest first; all users' when {@code null}. */
    public List<ImportJob> list(Long userId, int limit) {
        var query = dsl.selectFrom(JOB);
        return (userId == null ? query.orderBy(ID.desc()) : query.where(USER_ID.eq(userId)).orderBy(ID.desc()))
                .limit(limit).fetch(JobStore::job);
    }

    /** Jobs a stopped process left queued or running: to resume at start. */
    public List<Long> unfinished() {
        return dsl.select(ID).from(JOB).where(STATUS.in("QUEUED", "RUNNING")).orderBy(ID).fetch(ID);
    }

    /** Unfinished jobs whose lease has run out or was never taken: what a node may try to claim. */
    public List<Long> claimable() {
        return dsl.select(ID).from(JOB).where(STATUS.in("QUEUED", "RUNNING"))
                .and(LEASE_UNTIL.isNull().or(LEASE_UNTIL.lt(now()))).orderBy(ID).fetch(ID);
    }

    /**
     * Claims job {@code id} for {@code node} for {@code lease}, if it is unfinished and nobody holds a live lease on
     * it: one conditional UPDATE, so of several nodes trying at once exactly one gets it (the database locks the row;
     * the others re-read it, see the new lease and change nothing).
     *
     * @return whether {@code node} now holds the job
     */
    public boolean claim(long id, String node, Duration lease) {
        OffsetDateTime now = now();
        return dsl.update(JOB).set(LEASE_OWNER, node).set(LEASE_UNTIL, now.plus(lease))
                .where(ID.eq(id)).and(STATUS.in("QUEUED", "RUNNING"))
                .and(LEASE_UNTIL.isNull().or(LEASE_UNTIL.lt(now))).execute() == 1;
    }

    /** Extends {@code node}'s lease on the jobs it runs; returns how many it still holds. */
    public int renew(java.util.Collection<Long> ids, String node, Duration lease) {
        if (ids.isEmpty()) {
            return 0;
        }
        return dsl.update(JOB).set(LEASE_UNTIL, now().plus(lease)).where(ID.in(ids)).and(LEASE_OWNER.eq(node))
                .and(STATUS.in("QUEUED", "RUNNING")).execute();
    }

    /** The node holding job {@code id}'s lease, if any. */
    public Optional<String> leaseOwner(long id) {
        return dsl.select(LEASE_OWNER).from(JOB).where(ID.eq(id)).fetchOptional(LEASE_OWNER);
    }

    /** The file hashes of unfinished jobs: their files must stay. */
    public java.util.Set<String> filesInUse() {
        return new java.util.HashSet<>(dsl.selectDistinct(FILE_HASH).from(JOB).where(STATUS.in("QUEUED", "RUNNING"))
                .fetch(FILE_HASH));
    }

    /** The settings a job was started with, its file found at {@code file}. */
    public ImportSettings settings(long id, Path file) {
        Record r = dsl.selectFrom(JOB).where(ID.eq(id)).fetchOne();
        boolean xlsx = !"csv".equals(r.get(FILE_KIND)); // a workbook, xlsx or xls
        ImportSource src = new ImportSource(file, r.get(FILE_NAME), r.get(FILE_HASH), xlsx,
                r.get(ENCODING) == null ? null : Charset.forName(r.get(ENCODING)), r.get(DELIMITER).charAt(0),
                List.of(), r.get(SHEET));
        return new ImportSettings(r.get(FORM_ID), src, JSON.readValue(r.get(MAPPING), ImportMapping.class),
                ImportMode.valueOf(r.get(MODE)), r.get(SKIP), r.get(SKIP_DUPLICATES),
                r.get(DECISIONS) == null ? Map.of() : JSON.readValue(r.get(DECISIONS), DECISION_MAP),
                r.get(REMAINING) == null ? null : DuplicateDecision.valueOf(r.get(REMAINING)));
    }

    public void status(long id, String status, String message) {
        var update = dsl.update(JOB).set(STATUS, status).set(MESSAGE, message);
        if (!"RUNNING".equals(status) && !"QUEUED".equals(status)) {
            update = update.set(FINISHED_AT, now()).set(LEASE_OWNER, (String) null)
                    .set(LEASE_UNTIL, (OffsetDateTime) null);
        }
        update.where(ID.eq(id)).execute();
    }

    public void total(long id, long total) {
        dsl.update(JOB).set(TOTAL, total).where(ID.eq(id)).execute();
    }

    /** Adds a committed chunk's counts (in the chunk's transaction). */
    public void progress(long id, long rows, long lastRow, long created, long updated, long unchanged, long refused) {
        dsl.update(JOB).set(DONE, DONE.plus(rows)).set(LAST_ROW, lastRow).set(CREATED, CREATED.plus(created))
                .set(UPDATED, UPDATED.plus(updated)).set(UNCHANGED, UNCHANGED.plus(unchanged))
                .set(REFUSED, REFUSED.plus(refused)).where(ID.eq(id)).execute();
    }

    /** Adds a committed chunk's rows skipped as duplicates. */
    public void duplicates(long id, long n) {
        if (n > 0) {
            dsl.update(JOB).set(DUPLICATES, DUPLICATES.plus(n)).where(ID.eq(id)).execute();
        }
    }

    public void undone(long id, String message) {
        dsl.update(JOB).set(STATUS, "UNDONE").set(UNDONE_AT, now()).set(MESSAGE, message).where(ID.eq(id)).execute();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static ImportJob job(Record r) {
        return new ImportJob(r.get(ID), r.get(FORM_ID), r.get(USER_ID), r.get(USER_NAME), r.get(FILE_NAME),
                r.get(FILE_HASH), ImportMode.valueOf(r.get(MODE)), r.get(SKIP), r.get(STATUS), r.get(TOTAL),
                r.get(DONE), r.get(LAST_ROW), r.get(CREATED), r.get(UPDATED), r.get(UNCHANGED), r.get(REFUSED),
                r.get(MESSAGE), r.get(CREATED_AT), r.get(FINISHED_AT), r.get(UNDONE_AT),
                r.get(DUPLICATES) == null ? 0 : r.get(DUPLICATES));
    }
}
