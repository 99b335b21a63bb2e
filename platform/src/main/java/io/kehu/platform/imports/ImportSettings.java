package io.kehu.platform.imports;

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
 */
public record ImportSettings(String formId, ImportSource source, ImportMapping mapping, ImportMode mode,
                             boolean skipBadRows, boolean skipDuplicates) {

    /** Settings that skip likely duplicates (the default): see {@link #skipDuplicates}. */
    public ImportSettings(String formId, ImportSource source, ImportMapping mapping, ImportMode mode,
                          boolean skipBadRows) {
        this(formId, source, mapping, mode, skipBadRows, true);
    }

    /** The same settings, creating rows that look like duplicates ({@code false}) or skipping them. */
    public ImportSettings withSkipDuplicates(boolean skip) {
        return new ImportSettings(formId, source, mapping, mode, skipBadRows, skip);
    }

    public ImportSettings {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(mode, "mode");
    }
}
