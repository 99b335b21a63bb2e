package io.kehu.platform.records.values;

import static io.kehu.platform.records.values.TextValues.text;
import static io.kehu.platform.records.values.ValueErrors.invalid;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Yes/no, options and multiselect values, by value or (for imports) by label in either language. */
public final class ChoiceValues {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,，;；|、\\n]");
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "1", "on", "是", "对", "真", "有");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "0", "off", "否", "错", "假", "无");

    private ChoiceValues() {
    }

    public static Boolean bool(FieldDefinition field, Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        String word = raw instanceof Number || raw instanceof CharSequence
                ? raw.toString().strip().toLowerCase(Locale.ROOT) : "";
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw invalid(field, "not_boolean", "“%s”应为“是”或“否”", "“%s” must be yes or no");
    }

    /** The option value for {@code text}: its value, else (for imports) its label in either language. */
    public static String option(FieldDefinition field, String text) {
        for (FieldOption o : field.options()) {
            if (o.value().equals(text)) {
                return o.value();
            }
        }
        for (FieldOption o : field.options()) {
            if (o.value().equalsIgnoreCase(text) || text.equals(o.label().zh())
                    || o.label().en() != null && o.label().en().equalsIgnoreCase(text)) {
                return o.value();
            }
        }
        String shown = text.replace("%", "%%");
        throw invalid(field, "not_an_option", "“%s”没有选项“" + shown + "”", "“%s” has no option “" + shown + "”");
    }

    /** Multiselect values, without duplicates, in the options' display order. */
    public static List<String> options(FieldDefinition field, Object raw) {
        Collection<?> items = switch (raw) {
            case Collection<?> c -> c;
            case Object[] array -> List.of(array);
            case CharSequence s -> List.of(LIST_SEPARATORS.split(s));
            default -> List.of(raw);
        };
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : items) {
            if (item != null && !item.toString().isBlank()) {
                chosen.add(option(field, text(field, item)));
            }
        }
        List<String> order = field.options().stream().map(FieldOption::value).toList();
        return chosen.stream().sorted(Comparator.comparingInt(order::indexOf)).toList();
    }
}
