package io.kehu.platform.timeline;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.security.Actor;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The record whose timeline is shown, and who looks at it.
 *
 * @param actor the viewer: every source reads with this actor's permissions
 * @param form the record's form
 * @param recordId the record
 * @param locale the viewer's language
 * @param zone the viewer's time zone (dates without a time count from midnight there)
 * @param values how a field value reads on screen (option labels, user names, money, dates), so entries show values
 *               exactly as the rest of the record view does
 */
public record TimelineSubject(Actor actor, FormDefinition form, long recordId, Locale locale, ZoneId zone,
                              ValueText values) {

    /** A field's value as the viewer reads it. */
    @FunctionalInterface
    public interface ValueText {
        String format(FieldDefinition field, Object value);
    }
}
