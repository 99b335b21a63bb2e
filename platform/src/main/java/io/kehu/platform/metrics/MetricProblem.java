package io.kehu.platform.metrics;

/**
 * Something wrong with a metric definition, at its place in the JSON.
 *
 * @param source the file (or other source) read
 * @param path the JSON path, e.g. {@code $.measure.numerator.filters[0].field}
 * @param message what is wrong and what to do, in English (definitions are written by administrators in files)
 */
public record MetricProblem(String source, String path, String message) {

    @Override
    public String toString() {
        return source + " " + path + ": " + message;
    }
}
