package io.kehu.platform.plugins;

import com.vaadin.flow.component.UI;
import io.kehu.platform.i18n.Languages;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginMessages;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A plugin's texts from {@code plugin-messages_{en,zh_CN}.properties} in its own class loader, without falling back
 * to the JVM's locale (as the platform's own bundles).
 */
public final class BundleMessages implements PluginMessages {

    static final String BUNDLE = "plugin-messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ClassLoader loader;

    public BundleMessages(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String get(String key, Locale locale, Object... arguments) {
        Locale language = Languages.closest(locale);
        try {
            String text = ResourceBundle.getBundle(BUNDLE, language, loader, NO_FALLBACK).getString(key);
            return arguments.length == 0 ? text : new MessageFormat(text, language).format(arguments);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    @Override
    public String get(String key, Object... arguments) {
        UI ui = UI.getCurrent();
        return get(key, ui == null ? Locale.ENGLISH : ui.getLocale(), arguments);
    }

    @Override
    public LocalText text(String key, Object... arguments) {
        return new LocalText(get(key, Languages.CHINESE, arguments), get(key, Locale.ENGLISH, arguments));
    }

    /** Forgets the cached bundles of an unloaded plugin, so its class loader can be collected. */
    public void release() {
        ResourceBundle.clearCache(loader);
    }
}
