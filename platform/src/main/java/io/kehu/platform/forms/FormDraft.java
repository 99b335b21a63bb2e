package io.kehu.platform.forms;

import java.time.OffsetDateTime;

/**
 * A definition saved while being designed, not yet published; any administrator may resume it.
 *
 * @param definition the definition as saved (it may still have problems)
 * @param savedBy who saved it last
 * @param savedAt when
 */
public record FormDraft(FormDefinition definition, String savedBy, OffsetDateTime savedAt) {
}
