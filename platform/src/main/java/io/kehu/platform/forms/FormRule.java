package io.kehu.platform.forms;

/**
 * A form-level rule: a Groovy condition checked on save, e.g. "phone or e-mail is required".
 *
 * @param on when it runs; {@code validate} for now
 * @param script the Groovy condition; a false result refuses the save
 * @param message what the user is told (zh/en)
 */
public record FormRule(String on, String script, LocalizedText message) {
}
