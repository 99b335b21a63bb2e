package io.kehu.platform.imports.job;

import io.kehu.platform.dedupe.DuplicateMatch;
import io.kehu.platform.dedupe.DuplicateRules;
import io.kehu.platform.dedupe.Duplicates;
import io.kehu.platform.dedupe.FileDuplicates;
import io.kehu.platform.dedupe.FileKeys;
import io.kehu.platform.forms.FieldDefinition;
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

/**
 * Turns file rows into queued writes of a {@link BulkRecords.Batch}, tagged with their row number: cells transformed
 * per field type, the existing record found by the key fields (with the importer's visibility, so STAFF never find,
 * let alone update, other people's records), and each problem — of a cell here, or of a record from the write
 * path's checks — logged with its row, column header, value and reason.
 */
public final class ImportRun implements BulkRecords.Listener {

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

    /** Queues the writes of {@code chunk} (a few hundred rows) into {@code batch}. */
    public void queue(BulkRecords.Batch batch, List<FileRow> chunk) {
        List<Map<String, Object>> cellValues = new ArrayList<>(chunk.size());
        List<FileRow> good = new ArrayList<>(chunk.size());
        for (FileRow row : chunk) {
            rows++;
            Map<String, Object> v = transform(row);
            if (v != null) {
                cellValues.add(v);
                good.add(row);
            }
        }
        Map<String, long[]> existing = settings.mode() == ImportMode.CREATE ? Map.of() : existing(cellValues);
        List<List<DuplicateMatch>> stored = fileDuplicates == null ? null
                : duplicates.existing(actor, rules, cellValues);
        for (int i = 0; i < good.size(); i++) {
            FileRow row = good.get(i);
            Map<String, Object> v = cellValues.get(i);
            DuplicateMatch duplicateOf = fileDuplicates == null ? null : duplicate(row, v, stored.get(i));
            if (duplicateOf != null) {
                DuplicateDecision decision = settings.decision(row.number());
                if (decision == DuplicateDecision.MERGE && !duplicateOf.inFile()) {
                    // the review chose to write the row onto the record it duplicates
                    pending.put(row.number(), row);
                    batch.update(form.id(), duplicateOf.other(), duplicateOf.rowVersion(), withoutBlanks(v),
                            row.number());
                    continue;
                }
                if (decision != DuplicateDecision.IMPORT) {
                    continue;
                }
            }
            if (settings.mode() == ImportMode.CREATE) {
                pending.put(row.number(), row);
                batch.create(form.id(), withoutBlanks(v), row.number());
                continue;
            }
            String key = key(v);
            if (key == null) {
                rowProblem(row, keyHeader(), LocalizedText.of("用于匹配的字段为空", "The key field used for matching is empty"));
                continue;
            }
            if (!seenKeys.add(key)) {
                rowProblem(row, keyHeader(), LocalizedText.of("文件中已有相同匹配值的行", "An earlier row of the file has the same key"));
                continue;
            }
            long[] match = existing.get(key);
            if (match != null && match[0] < 0) {
                rowProblem(row, keyHeader(), LocalizedText.of("有多条记录与匹配值相符", "Several records match this key"));
            } else if (match != null) {
                pending.put(row.number(), row);
                batch.update(form.id(), match[0], (int) match[1], withoutBlanks(v), row.number());
            } else if (settings.mode() == ImportMode.UPSERT) {
                pending.put(row.number(), row);
                batch.create(form.id(), withoutBlanks(v), row.number());
            } else {
                rowProblem(row, keyHeader(), LocalizedText.of("没有与匹配值相符、您可以修改的记录",
                        "No record you may change matches this key"));
            }
        }
    }

    /** What the row duplicates, an earlier row or a stored record, noted with its reason; {@code null}: nothing. */
    private DuplicateMatch duplicate(FileRow row, Map<String, Object> v, List<DuplicateMatch> stored) {
        DuplicateMatch match = fileDuplicates.check(row.number(), v);
        if (match == null && !stored.isEmpty()) {
            match = stored.get(0);
        }
        if (match == null) {
            return null;
        }
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
        return match;
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
    private Map<String, Object> transform(FileRow row) {
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
            } catch (CellTransforms.CellProblem p) {
                problems.add(new ImportProblem(row.number(), c.header(), row.cell(c.index()), p.reason()));
                bad = true;
            }
        }
        if (bad) {
            refuseRow(row.number());
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

    private void rowProblem(FileRow row, String column, LocalizedText reason) {
        int index = settings.mapping().columns().stream().filter(c -> c.header().equals(column))
                .mapToInt(ImportMapping.Column::index).findFirst().orElse(-1);
        problems.add(new ImportProblem(row.number(), column, index < 0 ? "" : row.cell(index), reason));
        refuseRow(row.number());
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
