package io.kehu.platform.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translation source: {@code getTranslation(key, params)} in any component ends here.
 *
 * <p>Bundles are read without falling back to the JVM's default locale, so an English user on a Chinese server still
 * gets English. A missing key shows as {@code !key!} and is logged, rather than failing the view.
 */
@Component
public class Messages implements I18NProvider {

    static final String BUNDLE = "i18n.messages";
    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = Languages.closest(locale);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language, NO_FALLBACK);
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            log.warn("Missing message '{}' for {}", key, language);
            return "!" + key + "!";
        }
        return params.length == 0 ? text : new MessageFormat(text, language).format(params);
    }
}
