package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.FilterOperator;
import io.kehu.sdk.records.RecordData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The visit types and checklist items admins edit as records. The shipped ones ({@link ShippedCatalog}) are written
 * the first time the catalog is read on a database that never had them (remembered in the plugin's settings, so an
 * admin who deletes a shipped type does not get it back).
 */
final class VisitCatalog {

    static final String SEEDED = "catalog.seeded";

    /** One checklist line as a visit copies it. */
    record Line(String listKind, int position, String item, String itemEn, boolean required, boolean photo) {
    }

    private final PluginContext context;

    VisitCatalog(PluginContext context) {
        this.context = context;
    }

    static VisitCatalog of(PluginContext context) {
        VisitCatalog catalog = context.services().get(VisitCatalog.class, () -> new VisitCatalog(context));
        catalog.seedOnce();
        return catalog;
    }

    synchronized void seedOnce() {
        if (context.settings().get(SEEDED).isPresent()
                || context.definitions().form(VisitForms.ITEM).isEmpty()) {
            return;
        }
        boolean empty = context.records().search(VisitForms.TYPE).limit(1).list().isEmpty();
        if (empty) {
            context.records().batch(b -> {
                int position = 10;
                for (ShippedCatalog.Item item : ShippedCatalog.CODE_OF_CONDUCT) {
                    b.create(VisitForms.ITEM, item(item, "closing", null, position));
                    position += 10;
                }
            });
            for (ShippedCatalog.Type type : ShippedCatalog.TYPES) {
                long id = context.records().create(VisitForms.TYPE, Map.of("name", type.zh(), "name_en", type.en(),
                        "kind", type.kind(), "duration_minutes", (long) type.minutes(), "active", true)).id();
                context.records().batch(b -> {
                    int position = 10;
                    for (ShippedCatalog.Item item : type.items()) {
                        b.create(VisitForms.ITEM, item(item, "work", id, position));
                        position += 10;
                    }
                });
            }
        }
        context.settings().put(SEEDED, "true");
    }

    private static Map<String, Object> item(ShippedCatalog.Item item, String list, Long type, int position) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("list_kind", list);
        if (type != null) {
            values.put("visit_type", type);
        }
        values.put("position", (long) position);
        values.put("item", item.zh());
        values.put("item_en", item.en());
        values.put("required", item.required());
        values.put("photo_required", item.photo());
        values.put("active", true);
        return values;
    }

    /** The active visit types, by name. */
    List<RecordData> types() {
        return context.records().search(VisitForms.TYPE).where("active", FilterOperator.EQUALS, true)
                .sortBy("name", false).limit(200).list();
    }

    Optional<RecordData> type(long id) {
        return context.records().get(VisitForms.TYPE, id);
    }

    Optional<RecordData> typeOfKind(String kind) {
        return context.records().search(VisitForms.TYPE).where("kind", FilterOperator.EQUALS, kind)
                .where("active", FilterOperator.EQUALS, true).sortBy("id", false).limit(1).list().stream()
                .findFirst();
    }

    /** The lines a new visit of {@code typeId} gets: the type's work list, then the closing list. */
    List<Line> checklist(long typeId) {
        List<Line> lines = new ArrayList<>();
        lines.addAll(lines(context.records().search(VisitForms.ITEM).where("list_kind", FilterOperator.EQUALS, "work")
                .where("visit_type", FilterOperator.EQUALS, typeId).where("active", FilterOperator.EQUALS, true)
                .limit(1000).list()));
        lines.addAll(lines(context.records().search(VisitForms.ITEM)
                .where("list_kind", FilterOperator.EQUALS, "closing").where("active", FilterOperator.EQUALS, true)
                .limit(1000).list()));
        return lines;
    }

    private static List<Line> lines(List<RecordData> items) {
        return items.stream().sorted(Comparator.comparingLong((RecordData r) -> number(r.get("position")))
                        .thenComparingLong(RecordData::id))
                .map(r -> new Line((String) r.get("list_kind"), (int) number(r.get("position")), (String) r.get("item"),
                        (String) r.get("item_en"), Boolean.TRUE.equals(r.get("required")),
                        Boolean.TRUE.equals(r.get("photo_required"))))
                .toList();
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
