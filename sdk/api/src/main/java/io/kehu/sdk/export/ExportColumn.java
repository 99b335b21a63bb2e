package io.kehu.sdk.export;

import java.util.function.Function;

/**
 * One column of an export.
 *
 * @param header the header cell
 * @param value the cell of a row: a {@code Number} is written as a number, anything else as its text
 * @param <T> the row type
 */
public record ExportColumn<T>(String header, Function<? super T, ?> value) {

    public static <T> ExportColumn<T> of(String header, Function<? super T, ?> value) {
        return new ExportColumn<>(header, value);
    }
}
