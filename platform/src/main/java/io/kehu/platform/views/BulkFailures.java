package io.kehu.platform.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.records.RecordConflictException;
import io.kehu.platform.records.RecordNotFoundException;
import io.kehu.platform.records.RecordRefusedException;
import io.kehu.platform.records.RecordValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which selected records a bulk action could not change and why, by the record's title, in the user's language. Only
 * the record store's refusals are explained here; anything else is a fault and goes to the error handler.
 */
final class BulkFailures extends Dialog {

    /** One record the action left as it was. */
    record Failure(String title, String reason) {
    }

    BulkFailures(List<Failure> failures) {
        setId("bulk-failures");
        setHeaderTitle(getTranslation("views.bulk.failedTitle", failures.size()));
        UnorderedList list = new UnorderedList();
        for (Failure f : failures) {
            list.add(new ListItem(f.title() + ": " + f.reason()));
        }
        add(list);
        Button close = new Button(getTranslation("views.bulk.close"), click -> close());
        close.setId("bulk-failures-close");
        getFooter().add(close);
    }

    /** Why the store refused a record, as the user reads it; empty for anything that is not a refusal. */
    static Optional<String> reason(RuntimeException e, Component in, Locale locale) {
        return Optional.ofNullable(switch (e) {
            case RecordValidationException invalid -> invalid.errors().stream()
                    .map(err -> err.message().in(locale)).collect(Collectors.joining("; "));
            case RecordAccessDeniedException denied -> denied.text().in(locale);
            case RecordRefusedException refused -> refused.text().in(locale);
            case RecordConflictException conflict -> in.getTranslation("views.bulk.failedConflict",
                    conflict.lastSavedByName());
            case RecordNotFoundException gone -> in.getTranslation("views.bulk.failedGone");
            default -> null;
        });
    }
}
