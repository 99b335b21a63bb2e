package io.kehu.platform.imports.job;

import io.kehu.platform.dedupe.DuplicateMatch;
import io.kehu.platform.dedupe.DuplicateRules;
import io.kehu.platform.dedupe.Duplicates;
import io.kehu.platform.dedupe.FileDuplicates;
import io.kehu.platform.dedupe.FileKeys;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.imports.DuplicateDecision;
import io.kehu.platform.imports.ImportDuplicate;
import io.kehu.platform.imports.ImportMapping;
import io.kehu.platform.imports.ImportMode;
import io.kehu.platform.imports.ImportProblem;
import io.kehu.platform.imports.ImportReport;
import io.kehu.platform.imports.ImportSettings;
import io.kehu.platform.imports.mapping.CellTransforms;
import io.kehu.platform.imports.mapping.Lookups;
import io.kehu.platform.imports.read.FileRow;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.FieldError;
import io.kehu.platform.records.FieldValues;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.security.Actor;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns file rows into queued writes of a {@link BulkRecords.Batch}, tagged with their row number: cells transformed
 * per field type, the existing record found by the key fields (with the importer's visibility, so STAFF never find,
 * let alone update, other people's records), and each problem — of a cell here, or of a record from the write
 * path's checks — logged with its row, column header, value and reason.
 */
public final class ImportRun implements BulkRecords.Listener, AutoCloseable {

    /** Thrown from the listener when the import stops at its first bad row. */
    public static final class StoppedAtBadRow extends RuntimeException {

        private final long row;

        StoppedAtBadRow(long row) {
            super("stopped at row " + row, null, false, false);
            this.row = row;
        }

        public long row() {
            return row;
        }
    }

    /** A row the write path accepted. */
    public record Written(long row, String formId, long recordId, boolean created, int rowVersion, boolean changed) {
    }

    private final ImportSettings settings;
    private final FormDefinition form;
    private final Actor actor;
    private final BulkRecords bulk;
    private final Lookups lookups;
    private final ProblemLog problems;
    private final FieldValues values = new FieldValues(ZoneId.systemDefault());
    private final Map<String, String> headerOfField = new HashMap<>();
    private final Map<Long, FileRow> pending = new HashMap<>();
    /** The update keys of the rows so far, bounded (hashes in the heap, the keys on disk). */
    private final FileKeys seenKeys = new FileKeys();
    private final List<Written> written = new ArrayList<>();
    private final Duplicates duplicates;
    private final DuplicateRules rules;
    private final FileDuplicates fileDuplicates;
    private final List<ImportDuplicate> firstDuplicates = new ArrayList<>();
    private DuplicateLog allDuplicates;
    private long duplicateRows;
    private long refusedRows;
    private long rows;

    public ImportRun(ImportSettings settings, FormDefinition form, Actor actor, BulkRecords bulk, Lookups lookups,
                     ProblemLog problems, Duplicates duplicates) {
        this.settings = settings;
        this.duplicates = duplicates;
        this.rules = duplicates == null || settings.mode() != ImportMode.CREATE ? null
                : duplicates.rules(form.id());
        this.fileDuplicates = rules == null || !rules.any() ? null : duplicates.inFile(rules);
        this.form = form;
        this.actor = actor;
        this.bulk = bulk;
        this.lookups = lookups;
        this.problems = problems;
        for (ImportMapping.Column c : settings.mapping().columns()) {
            if (c.fieldId() != null) {
                headerOfField.put(c.fieldId(), c.header());
            }
        }
    }

    public long rows() {
        return rows;
    }

    /** Writes every row that looks like a duplicate to {@code log} too (a dry run's, for the review). */
    public ImportRun listDuplicatesIn(DuplicateLog log) {
        this.allDuplicates = log;
        return this;
    }

    /**
     * Frees what the in-file checks hold beyond the heap (their spill files on disk) as soon as the run ends, instead
     * of whenever the collector gets to them.
     */
    @Override
    public void close() {
        seenKeys.close();
        if (fileDuplicates != null) {
            fileDuplicates.close();
        }
    }

    public long refusedRows() {
        return refusedRows;
    }

    /** Rows that look like duplicates (skipped, merged or created as decided). */
    public long duplicateRows() {
        return duplicateRows;
    }

    /** The first {@value ImportReport#DUPLICATES_SHOWN} of them with what they duplicate and why. */
    public List<ImportDuplicate> firstDuplicates() {
        return List.copyOf(firstDuplicates);
    }

    /** What the write path wrote since the last call (for the job's row keys). */
    public List<Written> drainWritten() {
        List<Written> out = List.copyOf(written);
        written.clear();
        return out;
    }

    /**
     * One chunk of file rows turned into what to do with each, in file order: the writes to queue and what to count
     * and report. Made by {@link #prepare} (cells, in-file duplicates, the look-ups of stored duplicates and keys), then
     * carried out by {@link #apply} — on another thread, and later, when the chunks are prepared ahead of the writes
     * ({@link #mayPrepareAhead}). Nothing of it touches the counts, the problem list or the batch until it is applied,
     * so a chunk's counts and problems go with the commit of that chunk and are logged in file order.
     */
    public static final class Prepared {

        private final List<FileRow> rows;
        private final List<Consumer<BulkRecords.Batch>> steps = new ArrayList<>();

        private Prepared(List<FileRow> rows) {
            this.rows = rows;
        }

        public int size() {
            return rows.size();
        }

        /** The number of the chunk's last row (the job's progress once it is committed). */
        public long lastRow() {
            return rows.get(rows.size() - 1).number();
        }

        private void then(Consumer<BulkRecords.Batch> step) {
            steps.add(step);
        }
    }

    /** Queues the writes of {@code chunk} (a few hundred rows) into {@code batch}: {@link #prepare}, then {@link #apply}. */
    public void queue(BulkRecords.Batch batch, List<FileRow> chunk) {
        apply(batch, prepare(chunk));
    }

    /**
     * Whether chunks may be prepared on a thread of their own while the chunks before them are still being written,
     * their look-ups (stored duplicates, keys of updates, referenced records) not seeing those writes. They need not
     * see them when every row a run writes keeps its keys in the in-file check, which looks at earlier rows first:
     * a later row like it is found there, whatever the table shows; a key of an update or an upsert is taken once per
     * file, so no row finds a record an earlier row of the file wrote. Not so, and so prepared in step with the
     * writes as before, when a row that looks like a duplicate may be written all the same (created anyway: its keys
     * are not kept, only the table would show a later row like it; merged: it changes a stored record a later row may
     * match too) or when a reference field points at this very form (a row may name a record an earlier row created).
     */
    public boolean mayPrepareAhead() {
        for (ImportMapping.Column c : settings.mapping().columns()) {
            FieldDefinition f = c.fieldId() == null ? null : form.field(c.fieldId()).orElse(null);
            if (f != null && f.type() == FieldType.REFERENCE && form.id().equals(f.form())) {
                return false;
            }
        }
        if (fileDuplicates == null) {
            return true;
        }
        DuplicateDecision rest = settings.remaining() != null ? settings.remaining()
                : settings.skipDuplicates() ? DuplicateDecision.SKIP : DuplicateDecision.IMPORT;
        return rest == DuplicateDecision.SKIP
                && settings.decisions().values().stream().allMatch(d -> d == DuplicateDecision.SKIP);
    }

    /**
     * Works out what to do with each row of {@code chunk}: cells transformed (a bad cell noted as a problem), in-file
     * and stored duplicates, the existing records of updates. Changes no count and writes nothing: see
     * {@link Prepared}. Chunks must be prepared one after the other in file order (the in-file checks remember the
     * rows seen), on one thread at a time.
     */
    public Prepared prepare(List<FileRow> chunk) {
        Prepared p = new Prepared(chunk);
        List<Map<String, Object>> cellValues = new ArrayList<>(chunk.size());
        List<FileRow> good = new ArrayList<>(chunk.size());
        for (FileRow row : chunk) {
            p.then(b -> rows++);
            Map<String, Object> v = transform(row, p);
            if (v != null) {
                cellValues.add(v);
                good.add(row);
            } else if (!settings.skipBadRows()) {
                return p; // applying it stops the run at this row
            }
        }
        Map<String, long[]> existing = settings.mode() == ImportMode.CREATE ? Map.of() : existing(cellValues);
        List<List<DuplicateMatch>> stored = fileDuplicates == null ? null
                : duplicates.existing(actor, rules, cellValues);
        for (int i = 0; i < good.size(); i++) {
            FileRow row = good.get(i);
            Map<String, Object> v = cellValues.get(i);
            DuplicateMatch duplicateOf = fileDuplicates == null ? null : duplicate(row, v, stored.get(i), p);
            if (duplicateOf != null) {
                DuplicateDecision decision = settings.decision(row.number());
                if (decision == DuplicateDecision.MERGE && !duplicateOf.inFile()) {
                    // the review chose to write the row onto the record it duplicates
                    Map<String, Object> changes = withoutBlanks(v);
                    p.then(b -> {
                        pending.put(row.number(), row);
                        b.update(form.id(), duplicateOf.other(), duplicateOf.rowVersion(), changes, row.number());
                    });
                    continue;
                }
                if (decision != DuplicateDecision.IMPORT) {
                    continue;
                }
            }
            if (settings.mode() == ImportMode.CREATE) {
                create(p, row, v);
                continue;
            }
            String key = key(v);
            if (key == null) {
                rowProblem(p, row, keyHeader(), LocalizedText.of("用于匹配的字段为空", "The key field used for matching is empty"));
            } else if (!seenKeys.add(key)) {
                rowProblem(p, row, keyHeader(), LocalizedText.of("文件中已有相同匹配值的行", "An earlier row of the file has the same key"));
            } else {
                long[] match = existing.get(key);
                if (match != null && match[0] < 0) {
                    rowProblem(p, row, keyHeader(), LocalizedText.of("有多条记录与匹配值相符", "Several records match this key"));
                } else if (match != null) {
                    Map<String, Object> changes = withoutBlanks(v);
                    p.then(b -> {
                        pending.put(row.number(), row);
                        b.update(form.id(), match[0], (int) match[1], changes, row.number());
                    });
                    continue;
                } else if (settings.mode() == ImportMode.UPSERT) {
                    create(p, row, v);
                    continue;
                } else {
                    rowProblem(p, row, keyHeader(), LocalizedText.of("没有与匹配值相符、您可以修改的记录",
                            "No record you may change matches this key"));
                }
            }
            if (!settings.skipBadRows()) {
                return p; // a row problem: applying it stops the run at this row
            }
        }
        return p;
    }

    /** Carries out a {@link #prepare prepared} chunk: counts, problems and duplicates noted, writes queued. */
    public void apply(BulkRecords.Batch batch, Prepared prepared) {
        for (Consumer<BulkRecords.Batch> step : prepared.steps) {
            step.accept(batch);
        }
    }

    private void create(Prepared p, FileRow row, Map<String, Object> v) {
        Map<String, Object> values = withoutBlanks(v);
        p.then(b -> {
            pending.put(row.number(), row);
            b.create(form.id(), values, row.number());
        });
    }

    /** What the row duplicates, an earlier row or a stored record, noted with its reason; {@code null}: nothing. */
    private DuplicateMatch duplicate(FileRow row, Map<String, Object> v, List<DuplicateMatch> stored, Prepared p) {
        DuplicateMatch found = fileDuplicates.check(row.number(), v);
        if (found == null && !stored.isEmpty()) {
            found = stored.get(0);
        }
        if (found == null) {
            return null;
        }
        DuplicateMatch match = found;
        p.then(b -> noteDuplicate(row, v, match));
        return match;
    }

    private void noteDuplicate(FileRow row, Map<String, Object> v, DuplicateMatch match) {
        duplicateRows++;
        if (firstDuplicates.size() < ImportReport.DUPLICATES_SHOWN || allDuplicates != null) {
            LocalizedText reason = match.inFile()
                    ? LocalizedText.of("与第 " + match.other() + " 行重复：" + match.reason().zh(),
                            "duplicates row " + match.other() + ": " + match.reason().en())
                    : LocalizedText.of("与已有记录“" + match.title() + "”重复：" + match.reason().zh(),
                            "duplicates the existing record \u201c" + match.title() + "\u201d: "
                                    + match.reason().en());
            String field = v.get(rules.phoneField()) != null ? rules.phoneField()
                    : v.get(rules.emailField()) != null ? rules.emailField() : rules.nameField();
            String header = field == null ? "" : headerOfField.getOrDefault(field, "");
            Object value = field == null ? null : v.get(field);
            ImportDuplicate d = new ImportDuplicate(row.number(), header, value == null ? "" : value.toString(),
                    reason, match.inFile() ? null : match.other());
            if (firstDuplicates.size() < ImportReport.DUPLICATES_SHOWN) {
                firstDuplicates.add(d);
            }
            if (allDuplicates != null) {
                allDuplicates.add(d);
            }
        }
    }

    /** Blank cells are left out: a new record takes the field's default, an updated one keeps its value. */
    private static Map<String, Object> withoutBlanks(Map<String, Object> v) {
        Map<String, Object> out = new LinkedHashMap<>();
        v.forEach((k, value) -> {
            if (value != null) {
                out.put(k, value);
            }
        });
        return out;
    }

    /** The row's values by field, or {@code null} when a cell could not be transformed (each one logged). */
    private Map<String, Object> transform(FileRow row, Prepared p) {
        Map<String, Object> v = new LinkedHashMap<>();
        boolean bad = false;
        for (ImportMapping.Column c : settings.mapping().columns()) {
            if (c.fieldId() == null) {
                continue;
            }
            FieldDefinition f = form.field(c.fieldId()).orElse(null);
            if (f == null) {
                continue;
            }
            try {
                v.put(f.id(), CellTransforms.transform(f, row.cell(c.index()), lookups));
            } catch (CellTransforms.CellProblem problem) {
                ImportProblem noted = new ImportProblem(row.number(), c.header(), row.cell(c.index()),
                        problem.reason());
                p.then(b -> problems.add(noted));
                bad = true;
            }
        }
        if (bad) {
            p.then(b -> refuseRow(row.number()));
            return null;
        }
        return v;
    }

    private String keyHeader() {
        return settings.mapping().keyFields().isEmpty() ? "" : headerOfField.getOrDefault(
                settings.mapping().keyFields().get(0), "");
    }

    private String key(Map<String, Object> v) {
        StringBuilder key = new StringBuilder();
        for (String k : settings.mapping().keyFields()) {
            String text = typedText(k, v.get(k));
            if (text == null) {
                return null;
            }
            key.append(text).append('\u0001');
        }
        return key.toString();
    }

    private String typedText(String fieldId, Object raw) {
        FieldDefinition f = form.field(fieldId).orElseThrow();
        FieldValues.Converted c = values.convert(f, raw);
        return c.ok() ? FieldValues.toText(c.value()) : raw == null ? null : raw.toString();
    }

    /** The existing records by key: {id, row version}; a key matching several gets id -1. */
    private Map<String, long[]> existing(List<Map<String, Object>> cellValues) {
        List<String> keys = settings.mapping().keyFields();
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("Updates need key fields");
        }
        String first = keys.get(0);
        Set<Object> firstValues = new HashSet<>();
        for (Map<String, Object> v : cellValues) {
            String t = typedText(first, v.get(first));
            if (t != null) {
                firstValues.add(t);
            }
        }
        Map<String, long[]> byKey = new HashMap<>();
        if (firstValues.isEmpty()) {
            return byKey;
        }
        bulk.forEachMatching(actor, RecordQuery.of(form.id()).where(RecordQuery.Filter.of(first, RecordQuery.Operator.IN,
                firstValues.toArray())), keys, r -> {
                    Map<String, Object> stored = new HashMap<>();
                    keys.forEach(k -> stored.put(k, r.get(k)));
                    String key = key(stored);
                    if (key != null) {
                        byKey.merge(key, new long[] {r.id(), r.rowVersion()}, (a, b) -> new long[] {-1, 0});
                    }
                });
        return byKey;
    }

    private void rowProblem(Prepared p, FileRow row, String column, LocalizedText reason) {
        int index = settings.mapping().columns().stream().filter(c -> c.header().equals(column))
                .mapToInt(ImportMapping.Column::index).findFirst().orElse(-1);
        ImportProblem noted = new ImportProblem(row.number(), column, index < 0 ? "" : row.cell(index), reason);
        p.then(b -> {
            problems.add(noted);
            refuseRow(row.number());
        });
    }

    private void refuseRow(long row) {
        refusedRows++;
        if (!settings.skipBadRows()) {
            throw new StoppedAtBadRow(row);
        }
    }

    // ------------------------------------------------------------------ what the write path says

    @Override
    public void refused(Object tag, List<FieldError> errors) {
        long number = (Long) tag;
        FileRow row = pending.remove(number);
        for (FieldError e : errors) {
            String header = e.fieldId() == null ? "" : headerOfField.getOrDefault(e.fieldId(), "");
            String value = "";
            if (row != null && e.fieldId() != null) {
                value = settings.mapping().columnOf(e.fieldId()).map(c -> row.cell(c.index())).orElse("");
            }
            problems.add(new ImportProblem(number, header, value, e.message()));
        }
        refuseRow(number);
    }

    @Override
    public void written(Object tag, String formId, long id, int rowVersion, boolean created, boolean changed) {
        long number = (Long) tag;
        pending.remove(number);
        written.add(new Written(number, formId, id, created, rowVersion, changed));
    }
}
