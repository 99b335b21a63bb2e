package io.kehu.sdk.records;

import io.kehu.sdk.LocalText;

/**
 * A {@link RecordListener}'s refusal of a write; the user sees the reason in their language and nothing is written.
 *
 * @param reason why, in both languages
 */
public record Veto(LocalText reason) {

    public static Veto because(String zh, String en) {
        return new Veto(LocalText.of(zh, en));
    }
}
