package io.kehu.platform.metrics;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.RecordQuery.Filter;
import io.kehu.platform.records.RecordQuery.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A dashboard's global filters besides the period: one owner, one customer level (tier) and one region, each
 * {@code null} for "all". A filter narrows only the forms that have such a field — the owner the forms whose owner
 * field is a user field (a customer's account manager, a complaint's handler) or a reference to such a form (a
 * purchase's customer: the purchases of the account manager's customers, filter {@code customer.account_manager}),
 * the level a select field {@code level} or {@code tier}, the region a select field {@code region} — and becomes
 * list-view filters, so a drill-through lists exactly the narrowed records.
 *
 * @param owner the owning user's id, or {@code null}
 * @param level an option value of the level field, or {@code null}
 * @param region an option value of the region field, or {@code null}
 */
public record MetricScope(Long owner, String level, String region) {

    /** No narrowing. */
    public static final MetricScope ALL = new MetricScope(null, null, null);

    private static final List<String> LEVEL_FIELDS = List.of("level", "tier");
    private static final String REGION_FIELD = "region";

    public MetricScope {
        level = level == null || level.isBlank() ? null : level;
        region = region == null || region.isBlank() ? null : region;
    }

    public boolean isAll() {
        return owner == null && level == null && region == null;
    }

    /**
     * The filters this scope puts on {@code form}'s records, in the list view's shapes; none for fields it lacks.
     *
     * @param published the published forms, to follow an owner reference ({@link #ownerColumn})
     */
    public List<Filter> filtersOn(FormDefinition form, Function<String, Optional<FormDefinition>> published) {
        List<Filter> filters = new ArrayList<>();
        if (owner != null) {
            ownerColumn(form, published).ifPresent(c -> filters.add(Filter.of(c, Operator.IN, owner)));
        }
        if (level != null) {
            levelField(form).ifPresent(f -> filters.add(Filter.of(f.id(), Operator.IN, level)));
        }
        if (region != null) {
            regionField(form).ifPresent(f -> filters.add(Filter.of(f.id(), Operator.IN, region)));
        }
        return filters;
    }

    /** The user field that owns {@code form}'s records, if the owner filter applies to it. */
    public static Optional<FieldDefinition> ownerField(FormDefinition form) {
        return form.ownerField() == null ? Optional.empty() : form.field(form.ownerField())
                .filter(f -> f.storedType() == FieldType.USER);
    }

    /**
     * The column the owner filter compares on {@code form}'s records: its owner field when that is a user field, or,
     * when its owner field is a reference, the path through it to the referenced form's owner
     * ({@code customer.account_manager}; the list view offers such a path as a filter, see
     * {@code views.ListLinks.referenceOwnerFields}). Empty for forms without an owner.
     */
    public static Optional<String> ownerColumn(FormDefinition form,
                                               Function<String, Optional<FormDefinition>> published) {
        Optional<FieldDefinition> own = ownerField(form);
        if (own.isPresent()) {
            return Optional.of(own.get().id());
        }
        return ownerReference(form).flatMap(ref -> published.apply(ref.form())
                .filter(target -> !target.id().equals(form.id()))
                .flatMap(MetricScope::ownerField).map(owner -> ref.id() + "." + owner.id()));
    }

    /** {@code form}'s owner field when it is a reference (a purchase's customer), whose owner owns the record. */
    public static Optional<FieldDefinition> ownerReference(FormDefinition form) {
        return form.ownerField() == null ? Optional.empty() : form.field(form.ownerField())
                .filter(f -> f.storedType() == FieldType.REFERENCE && f.form() != null);
    }

    /** {@code form}'s level (tier) field, if the level filter applies to it. */
    public static Optional<FieldDefinition> levelField(FormDefinition form) {
        return LEVEL_FIELDS.stream().flatMap(id -> form.field(id).stream())
                .filter(f -> f.storedType() == FieldType.SELECT).findFirst();
    }

    /** {@code form}'s region field, if the region filter applies to it. */
    public static Optional<FieldDefinition> regionField(FormDefinition form) {
        return form.field(REGION_FIELD).filter(f -> f.storedType() == FieldType.SELECT);
    }
}
