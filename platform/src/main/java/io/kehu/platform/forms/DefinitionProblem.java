package io.kehu.platform.forms;

/**
 * One thing wrong with a form definition, located precisely enough that whoever edits the JSON can go straight to it:
 * {@code customer.json $.fields[3].type: unknown field type 'txt'}.
 *
 * @param source where the definition came from, e.g. its file name {@code customer.json}
 * @param jsonPath where in that JSON the problem is, e.g. {@code $.fields[3].type}; {@code $} for the whole text
 * @param message what is wrong, in English, naming the offending value
 */
public record DefinitionProblem(String source, String jsonPath, String message) {

    @Override
    public String toString() {
        return source + " " + jsonPath + ": " + message;
    }
}
