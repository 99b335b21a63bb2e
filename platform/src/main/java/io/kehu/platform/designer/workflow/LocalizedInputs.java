package io.kehu.platform.designer.workflow;

import com.vaadin.flow.component.textfield.TextField;
import tools.jackson.databind.node.ObjectNode;

/** A text the definition keeps in both languages ({@code {"zh", "en"}}): two inputs, Chinese first. */
final class LocalizedInputs implements WritesBack {

    final TextField zh = new TextField();
    final TextField en = new TextField();
    private final ObjectNode node;
    private final String key;

    LocalizedInputs(String id, String label, ObjectNode node, String key) {
        this.node = node;
        this.key = key;
        zh.setLabel(zh.getTranslation("wf.lang.zh", label));
        zh.setId(id + "-zh");
        zh.setValue(node.path(key).path("zh").asString(""));
        zh.setWidthFull();
        en.setLabel(en.getTranslation("wf.lang.en", label));
        en.setId(id + "-en");
        en.setValue(node.path(key).path("en").asString(""));
        en.setWidthFull();
    }

    @Override
    public void write() {
        JsonEdits.localized(node, key, zh.getValue(), en.getValue());
    }
}
