package io.kehu.plugins.hello;

import io.kehu.sdk.LocalText;
import io.kehu.sdk.settings.SettingField;
import io.kehu.sdk.settings.SettingsPage;
import java.util.List;
import org.pf4j.Extension;

/** The one setting: the greeting the page and the widget show. */
@Extension
public class HelloSettings implements SettingsPage {

    static final String GREETING = "greeting";

    @Override
    public List<SettingField> fields() {
        return List.of(SettingField.text(GREETING, LocalText.of("问候语", "Greeting"), "Hello from a plugin!"));
    }
}
