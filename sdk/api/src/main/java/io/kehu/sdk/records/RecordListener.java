package io.kehu.sdk.records;

import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Hears about record writes. The {@code before...} methods run inside the write transaction, after validation, and
 * may veto; the {@code after...} methods run once the write is committed (a write made from there is a new
 * transaction). A {@link RecordException} thrown by {@code beforeSave} or {@code beforeDelete} refuses the write like a
 * {@link Veto} with the exception's {@link RecordException#text() text} (e.g. one made with
 * {@link RecordException#refused}). Any other exception thrown by a listener is logged and shown on the plugin's row
 * of the Plugins screen; it neither vetoes nor breaks the write.
 *
 * <pre>{@code
 * @Extension
 * public class NoShoutingListener implements RecordListener {
 *     public boolean handles(String formId) { return formId.equals("customer"); }
 *     public Optional<Veto> beforeSave(RecordChange change) {
 *         Object name = change.values().get("name");
 *         return name instanceof String s && s.equals(s.toUpperCase()) && s.length() > 3
 *                 ? Optional.of(Veto.because("名称不要全部大写", "Please do not write the name in capitals"))
 *                 : Optional.empty();
 *     }
 * }
 * }</pre>
 */
public interface RecordListener extends ExtensionPoint {

    /** Whether this listener wants writes of {@code formId}; all forms by default. */
    default boolean handles(String formId) {
        return true;
    }

    /** Before a create, update or restore is stored. */
    default Optional<Veto> beforeSave(RecordChange change) {
        return Optional.empty();
    }

    /** Before a delete is stored. */
    default Optional<Veto> beforeDelete(RecordChange change) {
        return Optional.empty();
    }

    /** After a create, update or restore was committed. */
    default void afterSave(RecordEvent event) {
    }

    /** After a delete was committed. */
    default void afterDelete(RecordEvent event) {
    }
}
