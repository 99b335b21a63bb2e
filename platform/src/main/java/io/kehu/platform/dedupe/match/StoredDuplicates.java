package io.kehu.platform.dedupe.match;

import io.kehu.platform.dedupe.DuplicateGroup;
import io.kehu.platform.dedupe.DuplicateMatch;
import io.kehu.platform.dedupe.DuplicateRules;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.BulkRecords;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordQuery;
import io.kehu.platform.security.Actor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Duplicates among stored records: of a chunk of new values (indexed look-ups), and all groups of a form. */
public final class StoredDuplicates {

    /** Names are compared pairwise only within a block of names starting alike, and a block at most this big. */
    private static final int BLOCK_LIMIT = 200;

    private final BulkRecords bulk;

    public StoredDuplicates(BulkRecords bulk) {
        this.bulk = bulk;
    }

    /**
     * For each of {@code rows}, the stored records (visible to {@code actor}) it likely duplicates. One {@code IN}
     * query per rule field for the whole chunk, over the indexed phone column (with the forms a phone is commonly
     * typed in, since the write path keeps what was typed) and the e-mail column (as typed and lower-cased); names
     * then say how alike the candidates are. Names alone are not looked up here (no index on names).
     */
    public List<List<DuplicateMatch>> of(Actor actor, FormDefinition form, DuplicateRules rules,
                                         List<? extends Map<String, ?>> rows) {
        Set<Object> phones = new LinkedHashSet<>();
        Set<Object> emails = new LinkedHashSet<>();
        for (Map<String, ?> v : rows) {
            if (rules.phoneField() != null) {
                phones.addAll(MatchKeys.storedForms(MatchKeys.phone(v.get(rules.phoneField())).key()));
            }
            if (rules.emailField() != null && MatchKeys.email(v.get(rules.emailField())) != null) {
                String raw = v.get(rules.emailField()).toString().trim();
                emails.add(raw);
                emails.add(raw.toLowerCase(java.util.Locale.ROOT));
            }
        }
        Map<Long, Record> candidates = new LinkedHashMap<>();
        List<String> fields = Stream.of(form.titleField(), rules.phoneField(), rules.emailField(), rules.nameField())
                .filter(f -> f != null).distinct().toList();
        // forEachMatching: one statement per look-up, no pages ordered by id (a chunk's new phones match nothing,
        // and a page "id > last order by id limit n" then walked the table in id order for each look-up)
        if (!phones.isEmpty()) {
            bulk.forEachMatching(actor, RecordQuery.of(form.id()).where(RecordQuery.Filter.of(rules.phoneField(),
                    RecordQuery.Operator.IN, phones.toArray())), fields, r -> candidates.put(r.id(), r));
        }
        if (!emails.isEmpty()) {
            bulk.forEachMatching(actor, RecordQuery.of(form.id()).where(RecordQuery.Filter.of(rules.emailField(),
                    RecordQuery.Operator.IN, emails.toArray())), fields, r -> candidates.put(r.id(), r));
        }
        if (candidates.isEmpty()) {
            // the usual case for new rows: nothing to compare them with (their keys cost a regex or two each)
            List<List<DuplicateMatch>> none = new ArrayList<>(rows.size());
            rows.forEach(v -> none.add(List.of()));
            return none;
        }
        Map<String, List<Record>> byKey = new HashMap<>();
        for (Record r : candidates.values()) {
            for (String k : Comparison.keys(rules, r.values().asMap())) {
                if (!k.startsWith("n:")) {
                    byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
                }
            }
        }
        List<List<DuplicateMatch>> out = new ArrayList<>(rows.size());
        for (Map<String, ?> v : rows) {
            Map<Long, DuplicateMatch> matches = new LinkedHashMap<>();
            for (String k : Comparison.keys(rules, v)) {
                for (Record r : byKey.getOrDefault(k, List.of())) {
                    LocalizedText reason = Comparison.reason(rules, v, r.values().asMap());
                    if (reason != null) {
                        matches.putIfAbsent(r.id(), new DuplicateMatch(r.id(), false, title(form, r), reason,
                                r.rowVersion()));
                    }
                }
            }
            out.add(List.copyOf(matches.values()));
        }
        return out;
    }

    /**
     * Groups of likely duplicates among the records {@code actor} may see, at most {@code limit} groups: records
     * sharing a phone, an e-mail or a normalised name, and names within a block (same first two characters) at
     * least the threshold alike. One streamed pass keeping only the rule fields.
     */
    public List<DuplicateGroup> groups(Actor actor, FormDefinition form, DuplicateRules rules, int limit) {
        List<String> fields = Stream.of(form.titleField(), rules.phoneField(), rules.emailField(), rules.nameField())
                .filter(f -> f != null).distinct().toList();
        Map<Long, Record> all = new HashMap<>();
        Map<Long, Long> parent = new HashMap<>();
        Map<String, Long> firstOfKey = new HashMap<>();
        Map<String, List<Long>> blocks = new HashMap<>();
        bulk.forEach(actor, RecordQuery.of(form.id()), fields, r -> {
            all.put(r.id(), r);
            parent.put(r.id(), r.id());
            for (String k : Comparison.keys(rules, r.values().asMap())) {
                Long first = firstOfKey.putIfAbsent(k, r.id());
                if (first != null) {
                    union(parent, first, r.id());
                }
                if (k.startsWith("n:")) {
                    String block = k.substring(2, Math.min(k.length(), 4));
                    List<Long> ids = blocks.computeIfAbsent(block, b -> new ArrayList<>());
                    if (ids.size() < BLOCK_LIMIT) {
                        ids.add(r.id());
                    }
                }
            }
        });
        for (List<Long> ids : blocks.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    if (find(parent, ids.get(i)).equals(find(parent, ids.get(j)))) {
                        continue;
                    }
                    Object a = all.get(ids.get(i)).get(rules.nameField());
                    Object b = all.get(ids.get(j)).get(rules.nameField());
                    if (NameSimilarity.of(a, b) >= rules.nameThreshold()) {
                        union(parent, ids.get(i), ids.get(j));
                    }
                }
            }
        }
        Map<Long, List<Record>> grouped = new TreeMap<>();
        all.keySet().stream().sorted().forEach(id -> grouped.computeIfAbsent(find(parent, id), x -> new ArrayList<>())
                .add(all.get(id)));
        List<DuplicateGroup> out = new ArrayList<>();
        for (List<Record> g : grouped.values()) {
            if (g.size() < 2) {
                continue;
            }
            List<LocalizedText> reasons = new ArrayList<>();
            reasons.add(LocalizedText.EMPTY);
            for (int i = 1; i < g.size(); i++) {
                LocalizedText reason = Comparison.reason(rules, g.get(i).values().asMap(), g.get(0).values().asMap());
                if (reason == null) {
                    reason = Comparison.reason(rules, g.get(i).values().asMap(), g.get(i - 1).values().asMap());
                }
                reasons.add(reason == null ? LocalizedText.EMPTY : reason);
            }
            out.add(new DuplicateGroup(List.copyOf(g), reasons));
            if (out.size() >= limit) {
                break;
            }
        }
        return out;
    }

    private static String title(FormDefinition form, Record r) {
        Object t = form.titleField() == null ? null : r.get(form.titleField());
        return t == null ? "#" + r.id() : t.toString();
    }

    private static Long find(Map<Long, Long> parent, Long id) {
        Long p = parent.get(id);
        while (!p.equals(parent.get(p))) {
            parent.put(p, parent.get(parent.get(p)));
            p = parent.get(p);
        }
        return p;
    }

    private static void union(Map<Long, Long> parent, Long a, Long b) {
        Long ra = find(parent, a);
        Long rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }
}
