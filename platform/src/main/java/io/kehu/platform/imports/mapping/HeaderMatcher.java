package io.kehu.platform.imports.mapping;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.imports.ImportMapping;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Proposes a mapping: a header matches a field whose id, Chinese or English label it equals, ignoring case, spaces,
 * underscores, hyphens and full-width forms ("Customer Name", "customer_name" and "客户名称" all find the field). Each
 * field is taken once, by the first matching column: a repeated header's later columns stay unmapped until the user
 * picks a field for them.
 */
public final class HeaderMatcher {

    private HeaderMatcher() {
    }

    public static ImportMapping propose(List<String> headers, List<FieldDefinition> fields) {
        Set<String> taken = new HashSet<>();
        List<ImportMapping.Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            String key = normal(header);
            String match = null;
            for (FieldDefinition f : fields) {
                if (!taken.contains(f.id()) && !key.isEmpty() && names(f).contains(key)) {
                    match = f.id();
                    taken.add(match);
                    break;
                }
            }
            columns.add(new ImportMapping.Column(i, header, match));
        }
        return new ImportMapping(columns, List.of());
    }

    /** The names a field answers to, normalised. */
    static Set<String> names(FieldDefinition f) {
        Set<String> names = new HashSet<>();
        names.add(normal(f.id()));
        if (f.label() != null) {
            if (f.label().zh() != null) {
                names.add(normal(f.label().zh()));
            }
            if (f.label().en() != null) {
                names.add(normal(f.label().en()));
            }
        }
        return names;
    }

    private static final java.util.regex.Pattern IGNORED = java.util.regex.Pattern.compile("[\\s_\\-\\u00a0\\u3000]");

    /** Lower case, NFKC (full-width letters and digits to plain ones), without spaces, _ and -. */
    public static String normal(String text) {
        if (text == null) {
            return "";
        }
        return IGNORED.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("");
    }
}
