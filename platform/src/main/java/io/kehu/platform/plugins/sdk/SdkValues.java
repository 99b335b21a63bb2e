package io.kehu.platform.plugins.sdk;

import io.kehu.platform.forms.FieldDefinition;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.records.Money;
import io.kehu.platform.records.Record;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.forms.FieldInfo;
import io.kehu.sdk.forms.FormInfo;
import io.kehu.sdk.records.MoneyValue;
import io.kehu.sdk.records.RecordData;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates between the platform's model and the SDK's value types, so that no platform class ever reaches a plugin
 * (a plugin compiled against the SDK keeps working when the platform's internals change).
 */
public final class SdkValues {

    private SdkValues() {
    }

    static RecordData record(Record record) {
        return new RecordData(record.formId(), record.id(), record.rowVersion(), toSdk(record.values().asMap()));
    }

    public static Map<String, Object> toSdk(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof Money m ? new MoneyValue(m.amount(), m.currency()) : v));
        return out;
    }

    static Map<String, Object> toPlatform(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof MoneyValue m ? new Money(m.amount(), m.currency()) : v));
        return out;
    }

    static LocalText text(LocalizedText text) {
        return new LocalText(text.zh(), text.en());
    }

    public static LocalizedText text(LocalText text) {
        return text == null ? LocalizedText.EMPTY : LocalizedText.of(text.zh(), text.en());
    }

    static FormInfo form(FormDefinition form) {
        return new FormInfo(form.id(), text(form.label()), form.titleField(),
                form.fields().stream().map(SdkValues::field).toList());
    }

    private static FieldInfo field(FieldDefinition f) {
        Map<String, LocalText> optionLabels = new LinkedHashMap<>();
        f.options().forEach(o -> optionLabels.put(o.value(), text(o.label())));
        return new FieldInfo(f.id(), f.type().jsonName(), text(f.label()), f.required(),
                f.options().stream().map(o -> o.value()).toList(), f.form(), optionLabels);
    }
}
