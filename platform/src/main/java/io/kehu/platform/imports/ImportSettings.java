package io.kehu.platform.imports;

import java.util.Map;
import java.util.Objects;

/**
 * Everything an import (or its dry run) needs to know.
 *
 * @param formId the form the records go to
 * @param source the file and how to read it
 * @param mapping columns to fields
 * @param mode create, create or update, update
 * @param skipBadRows import the good rows and report the bad ones; {@code false}: the first bad row stops the import
 *                    and nothing is written
 * @param skipDuplicates in create mode, leave out rows that duplicate an earlier row of the file or a stored record
 *                       under the form's duplicate rules (counted as "skipped as duplicates"); {@code false}: report
 *                       them and create them anyway
 * @param decisions the import review's decision per file row that looks like a duplicate; rows without one follow
 *                  {@code remaining}
 * @param remaining the review's "all remaining rows" choice for the duplicate rows it did not decide one by one;
 *                  {@code null}: they follow {@code skipDuplicates}
 */
public record ImportSettings(String formId, ImportSource source, ImportMapping mapping, ImportMode mode,
                             boolean skipBadRows, boolean skipDuplicates, Map<Long, DuplicateDecision> decisions,
                             DuplicateDecision remaining) {

    public ImportSettings(String formId, ImportSource source, ImportMapping mapping, ImportMode mode,
                          boolean skipBadRows, boolean skipDuplicates, Map<Long, DuplicateDecision> decisions) {
        this(formId, source, mapping, mode, skipBadRows, skipDuplicates, decisions, null);
    }

    public ImportSettings(String formId, ImportSource source, ImportMapping mapping, ImportMode mode,
                          boolean skipBadRows, boolean skipDuplicates) {
        this(formId, source, mapping, mode, skipBadRows, skipDuplicates, Map.of());
    }

    /** Settings that skip likely duplicates (the default): see {@link #skipDuplicates}. */
    public ImportSettings(String formId, ImportSource source, ImportMapping mapping, ImportMode mode,
                          boolean skipBadRows) {
        this(formId, source, mapping, mode, skipBadRows, true);
    }

    /** The same settings, creating rows that look like duplicates ({@code false}) or skipping them. */
    public ImportSettings withSkipDuplicates(boolean skip) {
        return new ImportSettings(formId, source, mapping, mode, skipBadRows, skip, decisions, remaining);
    }

    /** The same settings with the review's decisions per row. */
    public ImportSettings withDecisions(Map<Long, DuplicateDecision> newDecisions) {
        return new ImportSettings(formId, source, mapping, mode, skipBadRows, skipDuplicates, newDecisions, remaining);
    }

    /** The same settings with the review's decisions per row and for all the rows it did not decide. */
    public ImportSettings withDecisions(Map<Long, DuplicateDecision> newDecisions, DuplicateDecision forTheRest) {
        return new ImportSettings(formId, source, mapping, mode, skipBadRows, skipDuplicates, newDecisions,
                forTheRest);
    }

    /**
     * What to do with row {@code row} if it looks like a duplicate: the review's decision for it, else its choice
     * for all remaining rows, else the default of {@code skipDuplicates}.
     */
    public DuplicateDecision decision(long row) {
        DuplicateDecision d = decisions.get(row);
        return d != null ? d : remaining != null ? remaining
                : skipDuplicates ? DuplicateDecision.SKIP : DuplicateDecision.IMPORT;
    }

    public ImportSettings {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(mode, "mode");
        decisions = decisions == null ? Map.of() : Map.copyOf(decisions);
    }
}
