package io.kehu.platform.dedupe.match;

import io.kehu.platform.dedupe.DuplicateRules;
import io.kehu.platform.forms.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two records' values under a form's {@link DuplicateRules}: duplicates when they share a phone or an
 * e-mail (unmasked, normalised) or their names are at least the threshold alike; the reason names every match.
 */
public final class Comparison {

    private Comparison() {
    }

    /** Why {@code a} and {@code b} are duplicates, or null when they are not. */
    public static LocalizedText reason(DuplicateRules rules, Map<String, ?> a, Map<String, ?> b) {
        boolean phone = false;
        boolean email = false;
        if (rules.phoneField() != null) {
            String x = MatchKeys.phone(a.get(rules.phoneField())).key();
            phone = x != null && x.equals(MatchKeys.phone(b.get(rules.phoneField())).key());
        }
        if (rules.emailField() != null) {
            String x = MatchKeys.email(a.get(rules.emailField()));
            email = x != null && x.equals(MatchKeys.email(b.get(rules.emailField())));
        }
        double similarity = rules.nameField() == null ? -1
                : NameSimilarity.of(a.get(rules.nameField()), b.get(rules.nameField()));
        boolean name = similarity >= rules.nameThreshold();
        if (!phone && !email && !name) {
            return null;
        }
        return describe(phone, email, similarity);
    }

    /**
     * The comparable keys of a record under the rules, in the order phone, e-mail, name: the normalised phone
     * ({@link MatchKeys#phone}), e-mail ({@link MatchKeys#email}) and name ({@link NameSimilarity#normalise}); null for
     * a field the rules lack or a value without key (a name without key is empty).
     */
    public static String[] keyArray(DuplicateRules rules, Map<String, ?> v) {
        return new String[] {
            rules.phoneField() == null ? null : MatchKeys.phone(v.get(rules.phoneField())).key(),
            rules.emailField() == null ? null : MatchKeys.email(v.get(rules.emailField())),
            rules.nameField() == null ? null : NameSimilarity.normalise(v.get(rules.nameField()))};
    }

    /**
     * {@link #reason} of two records given by their {@link #keyArray}s: the same verdict and words, without the
     * values themselves (what a file's earlier rows keep).
     */
    public static LocalizedText reasonOfKeys(DuplicateRules rules, String[] a, String[] b) {
        boolean phone = rules.phoneField() != null && a[0] != null && a[0].equals(b[0]);
        boolean email = rules.emailField() != null && a[1] != null && a[1].equals(b[1]);
        double similarity = rules.nameField() == null ? -1 : NameSimilarity.ofNormalised(a[2], b[2]);
        if (!phone && !email && similarity < rules.nameThreshold()) {
            return null;
        }
        return describe(phone, email, similarity);
    }

    /** "同一手机号；同一邮箱；名称相似度 90%" / "same phone, same e-mail, name 90% similar". */
    public static LocalizedText describe(boolean phone, boolean email, double similarity) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (phone) {
            zh.add("同一手机号");
            en.add("same phone");
        }
        if (email) {
            zh.add("同一邮箱");
            en.add("same e-mail");
        }
        if (similarity >= 0) {
            long percent = Math.round(similarity * 100);
            zh.add("名称相似度 " + percent + "%");
            en.add("name " + percent + "% similar");
        }
        return LocalizedText.of(String.join("；", zh), String.join(", ", en));
    }

    /** The normalised keys of a record under the rules, for grouping: "p:…", "e:…", "n:…" (none for blanks). */
    public static List<String> keys(DuplicateRules rules, Map<String, ?> v) {
        List<String> keys = new ArrayList<>(3);
        if (rules.phoneField() != null) {
            String p = MatchKeys.phone(v.get(rules.phoneField())).key();
            if (p != null) {
                keys.add("p:" + p);
            }
        }
        if (rules.emailField() != null) {
            String e = MatchKeys.email(v.get(rules.emailField()));
            if (e != null) {
                keys.add("e:" + e);
            }
        }
        if (rules.nameField() != null) {
            String n = NameSimilarity.normalise(v.get(rules.nameField()));
            if (!n.isEmpty()) {
                keys.add("n:" + n);
            }
        }
        return keys.stream().filter(Objects::nonNull).toList();
    }
}
