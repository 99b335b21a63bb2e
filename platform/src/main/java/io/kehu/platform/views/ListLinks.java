package io.kehu.platform.views;

import com.vaadin.flow.router.QueryParameters;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.FormTables;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.security.Actor;
import java.util.List;
import java.util.Map;

/**
 * Links into a form's list view with filters already set, e.g. from a dashboard's bar: {@code forms/<form>?filters=
 * <json>}. The filters travel in the saved-view format ({@link SavedViews#write}) and the list view shows them in its
 * filter bar, so what the user sees filtered is exactly what the link asked for. Only filters the filter bar can show
 * survive (per field: "in" for options and users, ranges for numbers and dates, empty / not empty); callers make
 * their filters in those shapes.
 */
public final class ListLinks {

    /** The query parameter holding the filters. */
    public static final String FILTERS = "filters";

    private ListLinks() {
    }

    /** The route (with query string) of {@code formId}'s list filtered by {@code filters}. */
    public static String filtered(String formId, List<Filter> filters) {
        if (filters.isEmpty()) {
            return RecordListView.path(formId);
        }
        return RecordListView.path(formId) + "?" + QueryParameters.simple(Map.of(FILTERS, encode(filters)))
                .getQueryString();
    }

    /**
     * The time zone the list view's date filters use for this browser: figures behind a link must cut their periods
     * in it, or a drill-through would list a different day's records.
     */
    public static java.time.ZoneId zone(com.vaadin.flow.component.UI ui) {
        return UserZone.of(ui);
    }

    /** Opens {@code formId}'s list filtered by {@code filters} in {@code ui}. */
    public static void open(com.vaadin.flow.component.UI ui, String formId, List<Filter> filters) {
        ui.navigate(RecordListView.path(formId), QueryParameters.of(FILTERS, encode(filters)));
    }

    /** The filters as the query parameter's value. */
    public static String encode(List<Filter> filters) {
        return SavedViews.write(new ViewState(List.of(), List.of(), null, filters));
    }

    /**
     * The filters of a query parameter's value (values as text, converted by the record store like typed input); none
     * for a value that is not such a list (a hand-edited or cut-off link lists everything rather than failing).
     */
    public static List<Filter> decode(String value) {
        try {
            return SavedViews.read(value).filters();
        } catch (RuntimeException malformed) {
            return List.of();
        }
    }

    /**
     * The filters that reach through the form's owner reference to the referenced record's owner, e.g. on purchases
     * 客户 · 客户经理 ({@code customer.account_manager}): a dashboard narrowed to one account manager links to "the
     * purchases of their customers" with it, and the filter bar shows and changes it like the user field it is. None
     * when the owner is not a reference to a form with a user owner, or the user may not read either field.
     */
    static List<FieldDefinition> referenceOwnerFields(FormDefinition form, FormCatalog catalog, Actor actor) {
        if (form.ownerField() == null) {
            return List.of();
        }
        return form.field(form.ownerField())
                .filter(ref -> ref.storedType() == FieldType.REFERENCE && ref.form() != null
                        && !ref.form().equals(form.id()) && FormAccess.mayRead(ref, actor))
                .flatMap(ref -> catalog.published(ref.form()).flatMap(target -> target.ownerField() == null
                        ? java.util.Optional.<FieldDefinition>empty() : target.field(target.ownerField()))
                        .filter(owner -> owner.storedType() == FieldType.USER && FormAccess.mayRead(owner, actor))
                        .map(owner -> FieldDefinition.builder(ref.id() + "." + owner.id(), FieldType.USER)
                                .label(LocalizedText.of(joined(ref.label().zh(), owner.label().zh(), " · "),
                                        joined(ref.label().en(), owner.label().en(), " · "))).build()))
                .map(List::of).orElse(List.of());
    }

    private static String joined(String a, String b, String between) {
        return a == null || b == null ? null : a + between + b;
    }

    /**
     * The system columns a list can be filtered by besides the form's fields: when a record was created and last
     * changed (so "new customers in November" can be listed).
     */
    static List<FieldDefinition> systemFilterFields() {
        return List.of(
                FieldDefinition.builder(FormTables.CREATED_AT, FieldType.DATETIME)
                        .label(LocalizedText.of("创建时间", "Created")).build(),
                FieldDefinition.builder(FormTables.UPDATED_AT, FieldType.DATETIME)
                        .label(LocalizedText.of("修改时间", "Last changed")).build());
    }
}
