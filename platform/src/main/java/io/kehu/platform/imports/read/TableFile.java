package io.kehu.platform.imports.read;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/** A file read as a table: a header row, then data rows streamed one at a time. */
public interface TableFile {

    /** The header row's cells, in column order (repeated names kept: columns are told apart by position). */
    List<String> headers() throws IOException;

    /** Streams the non-blank data rows after the header, in order, from {@code fromRow} (a {@link FileRow#number}). */
    void forEachRow(long fromRow, Consumer<FileRow> each) throws IOException;
}
