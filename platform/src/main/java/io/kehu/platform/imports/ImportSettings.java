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
 */
public record ImportSettings(String formId, ImportSource source, ImportMapping mapping, ImportMode mode,
                             boolean skipBadRows) {

    public ImportSettings {
        Objects.requireNonNull(formId, "formId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(mode, "mode");
    }
}
