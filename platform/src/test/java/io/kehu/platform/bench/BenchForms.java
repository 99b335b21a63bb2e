package io.kehu.platform.bench;

import static org.jooq.impl.DSL.inline;

import io.kehu.platform.forms.AccessRule;
import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FieldOption;
import io.kehu.platform.forms.FieldType;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The bench's forms: a customer with 30 custom fields of mixed types, its contacts and its purchases. */
final class BenchForms {

    private BenchForms() {
    }

    static List<FormDefinition> all() {
        return List.of(customer(), contact(), purchase());
    }

    static String custom(int i) {
        return String.format("c%02d", i);
    }

    /** The stored type of custom field {@code i}: 10 texts, 5 selects, 5 integers, 5 decimals, 3 dates, 2 booleans. */
    static FieldType customType(int i) {
        if (i <= 10) {
            return FieldType.TEXT;
        } else if (i <= 15) {
            return FieldType.SELECT;
        } else if (i <= 20) {
            return FieldType.INTEGER;
        } else if (i <= 25) {
            return FieldType.DECIMAL;
        } else if (i <= 28) {
            return FieldType.DATE;
        }
        return FieldType.BOOLEAN;
    }

    /** A deterministic value of custom field {@code i} for generated row {@code g}. */
    static Field<?> generated(int i, Field<Long> g) {
        Field<Long> spread = g.mul(31 + i).mod(1000);
        return switch (customType(i)) {
            case TEXT -> DSL.concat(inline("value "), spread.cast(SQLDataType.VARCHAR(8)));
            case SELECT -> RecordsBench.pickOf(g.add(i), new String[] {"o0", "o1", "o2", "o3", "o4"});
            case INTEGER -> spread.cast(SQLDataType.BIGINT);
            case DECIMAL -> spread.div(inline(7)).cast(SQLDataType.NUMERIC(24, 2));
            case DATE -> DSL.localDateAdd(inline(LocalDate.of(2022, 1, 1)), spread.cast(SQLDataType.INTEGER));
            default -> spread.mod(2).eq(0L);
        };
    }

    private static FormDefinition customer() {
        List<FieldDefinition> fields = new ArrayList<>();
        fields.add(field("name", FieldType.TEXT, false, true));
        fields.add(field("phone", FieldType.PHONE, false, true));
        fields.add(field("owner", FieldType.USER, true, false));
        fields.add(select("region", true, "east_china", "south_china", "north_china", "central_china", "southwest",
                "northwest", "northeast"));
        fields.add(field("score", FieldType.INTEGER, true, false));
        fields.add(field("signed_on", FieldType.DATE, true, false));
        for (int i = 1; i <= 30; i++) {
            fields.add(customType(i) == FieldType.SELECT
                    ? select(custom(i), false, "o0", "o1", "o2", "o3", "o4")
                    : field(custom(i), customType(i), false, false));
        }
        fields.add(target("contacts", FieldType.SUBTABLE, "bench_contact"));
        return form("bench_customer", "owner", fields);
    }

    private static FormDefinition contact() {
        return form("bench_contact", null, List.of(field("name", FieldType.TEXT, false, true),
                field("phone", FieldType.PHONE, false, false)));
    }

    private static FormDefinition purchase() {
        return form("bench_purchase", null, List.of(target("customer", FieldType.REFERENCE, "bench_customer"),
                field("purchased_on", FieldType.DATE, true, false), field("amount", FieldType.MONEY, false, false)));
    }

    private static FormDefinition form(String id, String ownerField, List<FieldDefinition> fields) {
        return new FormDefinition(id, LocalizedText.of(id, id), null, null, 0, fields.get(0).id(), ownerField,
                fields, List.of(), List.of(), AccessRule.UNRESTRICTED);
    }

    private static FieldDefinition field(String id, FieldType type, boolean indexed, boolean searchable) {
        return new FieldDefinition(id, type, LocalizedText.of(id, id), null, false, null, null, null, null, null,
                null, null, null, false, indexed, false, true, searchable, null, null, null, null, null, null);
    }

    private static FieldDefinition select(String id, boolean indexed, String... values) {
        List<FieldOption> options = new ArrayList<>();
        for (String v : values) {
            options.add(new FieldOption(v, LocalizedText.of(v, v)));
        }
        return new FieldDefinition(id, FieldType.SELECT, LocalizedText.of(id, id), null, false, null, null, null,
                null, null, null, null, options, false, indexed, false, true, false, null, null, null, null, null,
                null);
    }

    private static FieldDefinition target(String id, FieldType type, String form) {
        return new FieldDefinition(id, type, LocalizedText.of(id, id), null, false, null, null, null, null, null,
                null, null, null, false, false, false, true, false, null, null, form, null, null, null);
    }
}
