package io.kehu.platform.imports.mapping;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users by sign-in name or display name, referenced records by title or any unique field (a purchase's customer by
 * phone), with the importing user's permissions: a record they may not see is not found. Each distinct value is
 * looked up once per import.
 */
public final class Lookups {

    /** Distinct cell texts of one option column remembered; beyond that, later texts are resolved each time. */
    private static final int DISTINCT_CELLS = 10_000;

    private final UserAccounts accounts;
    private final BulkRecords bulk;
    private final FormCatalog catalog;
    private final Actor actor;
    private Map<String, List<Long>> usersByName;
    private final Map<String, Map<String, Long>> referenceCache = new HashMap<>();
    /** Per option field: its options by normalised value and label, and the cells read so far (a few each). */
    private final Map<String, Map<String, String>> optionKeys = new HashMap<>();
    private final Map<String, Map<String, String>> optionOfCell = new HashMap<>();

    public Lookups(UserAccounts accounts, BulkRecords bulk, FormCatalog catalog, Actor actor) {
        this.accounts = accounts;
        this.bulk = bulk;
        this.catalog = catalog;
        this.actor = actor;
    }

    Long user(FieldDefinition field, String text) throws CellTransforms.CellProblem {
        if (usersByName == null) {
            usersByName = new HashMap<>();
            for (UserAccount a : accounts.findAll()) {
                usersByName.computeIfAbsent(HeaderMatcher.normal(a.username()), k -> new ArrayList<>()).add(a.id());
                if (a.displayName() != null) {
                    // "李强 Li Qiang": a sheet says 李强, or Li Qiang, or both
                    String shown = a.displayName().strip();
                    int space = shown.indexOf(' ');
                    List<String> names = space < 0 ? List.of(shown)
                            : List.of(shown, shown.substring(0, space), shown.substring(space + 1));
                    for (String name : names) {
                        List<Long> ids = usersByName.computeIfAbsent(HeaderMatcher.normal(name),
                                k -> new ArrayList<>());
                        if (!ids.contains(a.id())) {
                            ids.add(a.id());
                        }
                    }
                }
            }
        }
        List<Long> ids = usersByName.getOrDefault(HeaderMatcher.normal(text), List.of());
        if (ids.size() == 1) {
            return ids.get(0);
        }
        if (ids.isEmpty() && text.matches("\\d+") && accounts.exists(Long.parseLong(text))) {
            return Long.parseLong(text);
        }
        throw new CellTransforms.CellProblem(ids.isEmpty()
                ? LocalizedText.of("没有登录名或姓名为“" + text + "”的用户", "No user signs in or is named \"" + text + "\"")
                : LocalizedText.of("有多个用户叫“" + text + "”，请改用登录名", "Several users are named \"" + text
                        + "\"; use the sign-in name"));
    }

    /**
     * {@link CellTransforms#option} with the field's options normalised once per import and each distinct cell text
     * (option columns hold few) resolved once, instead of normalising every option for every cell.
     */
    String option(FieldDefinition field, String text) {
        Map<String, String> cells = optionOfCell.computeIfAbsent(field.id(), k -> new HashMap<>());
        String known = cells.get(text);
        if (known != null) {
            return known;
        }
        String value = optionKeys.computeIfAbsent(field.id(), k -> CellTransforms.optionKeys(field))
                .get(HeaderMatcher.normal(text));
        String result = value != null ? value : text.strip();
        if (cells.size() < DISTINCT_CELLS) {
            cells.put(text, result);
        }
        return result;
    }

    Long reference(FieldDefinition field, String text) throws CellTransforms.CellProblem {
        Optional<FormDefinition> target = field.form() == null ? Optional.empty() : catalog.published(field.form());
        if (target.isEmpty()) {
            throw new CellTransforms.CellProblem(LocalizedText.of("引用的表单不存在", "The referenced form does not exist"));
        }
        Map<String, Long> cache = referenceCache.computeIfAbsent(field.id(), k -> new HashMap<>());
        if (cache.containsKey(text)) {
            return found(cache.get(text), text);
        }
        FormDefinition form = target.get();
        List<String> keys = new ArrayList<>();
        if (form.titleField() != null) {
            keys.add(form.titleField());
        }
        form.fields().stream().filter(FieldDefinition::unique).map(FieldDefinition::id)
                .filter(id -> !keys.contains(id)).forEach(keys::add);
        Long result = null;
        for (String key : keys) {
            List<Long> ids = new ArrayList<>();
            bulk.forEach(actor, RecordQuery.of(form.id()).where(RecordQuery.Filter.of(key,
                    RecordQuery.Operator.EQUALS, text)), List.of(key), (Record r) -> ids.add(r.id()));
            if (ids.size() > 1) {
                result = -1L;
                break;
            }
            if (ids.size() == 1) {
                result = ids.get(0);
                break;
            }
        }
        cache.put(text, result);
        return found(result, text);
    }

    private static Long found(Long id, String text) throws CellTransforms.CellProblem {
        if (id == null) {
            throw new CellTransforms.CellProblem(LocalizedText.of("找不到“" + text + "”对应的记录（按标题或唯一字段查找）",
                    "No record found for \"" + text + "\" (by title or a unique field)"));
        }
        if (id < 0) {
            throw new CellTransforms.CellProblem(LocalizedText.of("有多条记录与“" + text + "”相符，请改用唯一字段",
                    "Several records match \"" + text + "\"; use a unique field"));
        }
        return id;
    }
}
