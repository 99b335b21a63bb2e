package io.kehu.platform.designer;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import io.kehu.platform.security.Role;
import java.util.Set;

/** Roles as check boxes, for the read and write permissions of forms and fields; none ticked means everyone. */
final class RoleChoice extends CheckboxGroup<Role> {

    RoleChoice(String id, String label) {
        super(label);
        setId(id);
        setItems(Role.values());
        setItemLabelGenerator(r -> getTranslation("designer.role." + r.name().toLowerCase(java.util.Locale.ROOT)));
        setHelperText(getTranslation("designer.role.noneMeansAll"));
    }

    void setRoles(Set<Role> roles) {
        setValue(roles);
    }
}
