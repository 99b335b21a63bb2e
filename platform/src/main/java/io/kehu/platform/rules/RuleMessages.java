package io.kehu.platform.rules;

import io.kehu.platform.forms.LocalizedText;
import io.kehu.platform.i18n.Languages;
import io.kehu.platform.i18n.Messages;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The rules' user messages in both languages, from the {@code i18n/rules_*} bundle. */
@Component
class RuleMessages {

    private static final int NAME_LENGTH = 40;

    private final Messages messages;

    RuleMessages(Messages messages) {
        this.messages = messages;
    }

    /** {@code key} with {@code params} in Chinese and English. */
    LocalizedText text(String key, Object... params) {
        return LocalizedText.of(messages.getTranslation(key, Languages.CHINESE, params),
                messages.getTranslation(key, Locale.ENGLISH, params));
    }

    /** How a form rule is named to users and in logs: its number and the start of its script. */
    String ruleName(int index, String script) {
        String start = script.strip().replaceAll("\\s+", " ");
        return "#" + (index + 1) + " " + (start.length() > NAME_LENGTH ? start.substring(0, NAME_LENGTH) + "…" : start);
    }
}
