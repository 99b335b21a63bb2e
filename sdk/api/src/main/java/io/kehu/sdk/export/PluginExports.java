package io.kehu.sdk.export;

import com.vaadin.flow.component.Component;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * Exports rows as CSV or XLSX the way the platform's list views do: CSV in UTF-8 with a byte-order mark (Excel shows
 * Chinese text correctly), XLSX streamed, and text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) neutralised with a leading apostrophe. Numbers stay numbers.
 */
public interface PluginExports {

    /** The two formats. */
    enum Format {
        CSV("csv", "text/csv; charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }

        public String extension() {
            return extension;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** Writes {@code table} to {@code out} (not closed). */
    <T> void write(ExportTable<T> table, Format format, OutputStream out) throws IOException;

    /**
     * A download link for a view: each click asks {@code table} for the table to export (e.g. with the filter chosen
     * at that moment) and sends it as {@code <table name>.<csv|xlsx>}.
     */
    <T> Component downloadLink(Supplier<ExportTable<T>> table, Format format, String label);
}
