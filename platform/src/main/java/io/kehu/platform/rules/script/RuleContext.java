package io.kehu.platform.rules.script;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Everything one evaluation of a rule sees, handed to a fresh {@link RuleScript} instance before it runs.
 *
 * @param record the values after the change
 * @param old the values before the change ({@link RuleRecord#EMPTY} on create)
 * @param user who saves
 * @param today the date the rule runs on (server time zone)
 * @param now the moment the rule runs
 * @param related where {@code related(...)} reads from
 * @param functions plugin function sets by name
 */
public record RuleContext(RuleRecord record, RuleRecord old, RuleUser user, LocalDate today, OffsetDateTime now,
                          RelatedRecords.Source related, Map<String, Object> functions) {
}
