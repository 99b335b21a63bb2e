package io.kehu.platform.forms;

import java.util.List;
import java.util.Optional;

/**
 * A form as its JSON definition describes it: the fields of one kind of record (customer, interaction, ...), how the
 * record view lays them out, its rules and who may do what.
 *
 * @param id identifier and table name stem, same rules as field ids
 * @param label what users see (zh/en)
 * @param icon a Vaadin icon name for the navigation (e.g. {@code users}), or null
 * @param navigationGroup the side-navigation section the form appears in, or null for none (e.g. a subtable's form)
 * @param navigationOrder position inside its group, smaller first
 * @param titleField the field whose value names a record (in pickers, titles, links)
 * @param ownerField the user field that makes STAFF the owner of a record, or null when records have no owner
 * @param fields the fields in definition order
 * @param layout the record view's sections; empty means one section with all fields
 * @param rules form-level rules
 * @param access who may read and write records of this form (field restrictions are on each field)
 * @param ownerDefault who the owner field of a new record starts as in the record view; {@code null} means
 *                     {@link OwnerDefault#CREATOR}
 * @param importable whether people may import records into it (the import page offers it, {@code Imports} accepts
 *                   it); {@code false} for forms a plugin keeps for its own bookkeeping (a points ledger, a daily
 *                   roll-up), whose records only the plugin writes
 */
public record FormDefinition(
        String id,
        LocalizedText label,
        String icon,
        String navigationGroup,
        int navigationOrder,
        String titleField,
        String ownerField,
        List<FieldDefinition> fields,
        List<LayoutSection> layout,
        List<FormRule> rules,
        AccessRule access,
        OwnerDefault ownerDefault,
        boolean importable) {

    public FormDefinition {
        ownerDefault = ownerDefault == null ? OwnerDefault.CREATOR : ownerDefault;
        label = label == null ? LocalizedText.EMPTY : label;
        fields = List.copyOf(fields);
        layout = layout == null ? List.of() : List.copyOf(layout);
        rules = rules == null ? List.of() : List.copyOf(rules);
        access = access == null ? AccessRule.UNRESTRICTED : access;
    }

    /** An importable form (the usual case). */
    public FormDefinition(String id, LocalizedText label, String icon, String navigationGroup, int navigationOrder,
                          String titleField, String ownerField, List<FieldDefinition> fields,
                          List<LayoutSection> layout, List<FormRule> rules, AccessRule access,
                          OwnerDefault ownerDefault) {
        this(id, label, icon, navigationGroup, navigationOrder, titleField, ownerField, fields, layout, rules, access,
                ownerDefault, true);
    }

    /** An importable form whose new records start owned by their creator (the usual case). */
    public FormDefinition(String id, LocalizedText label, String icon, String navigationGroup, int navigationOrder,
                          String titleField, String ownerField, List<FieldDefinition> fields,
                          List<LayoutSection> layout, List<FormRule> rules, AccessRule access) {
        this(id, label, icon, navigationGroup, navigationOrder, titleField, ownerField, fields, layout, rules, access,
                OwnerDefault.CREATOR);
    }

    public Optional<FieldDefinition> field(String fieldId) {
        // A plain loop: the write path asks this for every value of every record of a bulk write.
        for (FieldDefinition f : fields) {
            if (f.id().equals(fieldId)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
