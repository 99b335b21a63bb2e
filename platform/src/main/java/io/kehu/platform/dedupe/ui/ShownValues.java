package io.kehu.platform.dedupe.ui;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Values as people read them: option labels and people's names, never codes or ids. */
final class ShownValues {

    private final Locale locale;
    private final Map<Long, String> names;

    ShownValues(Locale locale, UserAccounts accounts) {
        this.locale = locale;
        this.names = accounts.findAll().stream().collect(Collectors.toMap(UserAccount::id, UserAccount::displayName,
                (a, b) -> a));
    }

    String of(FieldDefinition field, Object value) {
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        Function<Object, String> one = v -> switch (field.type()) {
            case SELECT, MULTISELECT -> field.options().stream().filter(o -> o.value().equals(String.valueOf(v)))
                    .map(FieldOption::label).map(l -> l.in(locale)).findFirst().orElse(String.valueOf(v));
            case USER -> v instanceof Number n ? names.getOrDefault(n.longValue(), "") : String.valueOf(v);
            case BOOLEAN -> Boolean.TRUE.equals(v) ? (locale.getLanguage().equals("zh") ? "是" : "Yes")
                    : (locale.getLanguage().equals("zh") ? "否" : "No");
            default -> String.valueOf(v);
        };
        if (value instanceof Collection<?> c) {
            return c.stream().map(one).collect(Collectors.joining(locale.getLanguage().equals("zh") ? "、" : ", "));
        }
        return one.apply(value);
    }
}
