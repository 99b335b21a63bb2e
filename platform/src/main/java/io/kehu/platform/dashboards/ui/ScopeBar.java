package io.kehu.platform.dashboards.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.select.Select;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.metrics.MetricScope;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The dashboard's global filters besides the period: owner (a user picker), level and region (the options of the
 * first published form that has such a field, i.e. the customer's, labelled as that field is). Each change hands the new scope to
 * {@code onChange}; level and region are offered only when some form has the field.
 */
final class ScopeBar {

    static final String OWNER = "owner";
    static final String LEVEL = "level";
    static final String REGION = "region";

    private ScopeBar() {
    }

    /** The scope named by a dashboard link's query parameters; unknown values are ignored. */
    static MetricScope read(Map<String, List<String>> parameters) {
        Long owner = first(parameters, OWNER).flatMap(ScopeBar::number).orElse(null);
        return new MetricScope(owner, first(parameters, LEVEL).orElse(null), first(parameters, REGION).orElse(null));
    }

    /** The query parameters of {@code scope} (none for "all"). */
    static Map<String, String> write(MetricScope scope) {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        if (scope.owner() != null) {
            parameters.put(OWNER, scope.owner().toString());
        }
        if (scope.level() != null) {
            parameters.put(LEVEL, scope.level());
        }
        if (scope.region() != null) {
            parameters.put(REGION, scope.region());
        }
        return parameters;
    }

    static List<Component> controls(MetricScope scope, FormCatalog catalog, UserAccounts accounts, Locale locale,
                                    Function<String, String> text, Consumer<MetricScope> onChange) {
        List<Component> controls = new ArrayList<>();
        ComboBox<UserAccount> owner = new ComboBox<>(text.apply("dashboards.filter.owner"));
        owner.setId("dashboard-owner");
        List<UserAccount> users = accounts.findAll().stream().filter(UserAccount::enabled).toList();
        owner.setItems(users);
        owner.setItemLabelGenerator(UserAccount::displayName);
        owner.setClearButtonVisible(true);
        owner.setPlaceholder(text.apply("dashboards.filter.all"));
        users.stream().filter(u -> scope.owner() != null && u.id() == scope.owner()).findFirst()
                .ifPresent(owner::setValue);
        owner.addValueChangeListener(e -> onChange.accept(new MetricScope(
                e.getValue() == null ? null : e.getValue().id(), scope.level(), scope.region())));
        controls.add(owner);
        field(catalog, MetricScope::levelField).ifPresent(f -> controls.add(options("dashboard-level", f, scope.level(), locale, text,
                v -> onChange.accept(new MetricScope(scope.owner(), v, scope.region())))));
        field(catalog, MetricScope::regionField).ifPresent(f -> controls.add(options("dashboard-region", f, scope.region(), locale, text,
                v -> onChange.accept(new MetricScope(scope.owner(), scope.level(), v)))));
        return controls;
    }

    /** A select of the field's options (labelled like the field in forms and lists) and "all". */
    private static Select<String> options(String id, FieldDefinition field, String value, Locale locale,
                                          Function<String, String> text, Consumer<String> onChange) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(field.label().in(locale));
        List<String> values = new ArrayList<>();
        values.add("");
        field.options().forEach(o -> values.add(o.value()));
        select.setItems(values);
        select.setItemLabelGenerator(v -> v.isEmpty() ? text.apply("dashboards.filter.all")
                : field.option(v).map(FieldOption::label).map(l -> l.in(locale)).orElse(v));
        select.setValue(value != null && values.contains(value) ? value : "");
        select.addValueChangeListener(e -> onChange.accept(e.getValue() == null || e.getValue().isEmpty() ? null
                : e.getValue()));
        return select;
    }

    private static Optional<FieldDefinition> field(FormCatalog catalog,
                                                   Function<FormDefinition, Optional<FieldDefinition>> which) {
        return catalog.allPublished().stream().flatMap(f -> which.apply(f).stream()).findFirst();
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    private static Optional<Long> number(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }
}
