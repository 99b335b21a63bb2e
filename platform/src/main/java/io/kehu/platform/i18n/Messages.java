package io.kehu.platform.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Vaadin's translation source: {@code getTranslation(key, params)} in any component ends here.
 *
 * <p>Texts live in one bundle per feature ({@link #BUNDLES}: {@code i18n/messages_*}, {@code i18n/views_*}, ...), each
 * in {@code _zh_CN} and {@code _en}, so features add texts without editing each other's files. The first bundle that
 * has a key wins.
 *
 * <p>Bundles are read without falling back to the JVM's default locale, so an English user on a Chinese server still
 * gets English. A missing key shows as {@code !key!} and is logged, rather than failing the view.
 */
@Component
public class Messages implements I18NProvider {

    /** Bundle base names, searched in this order; a feature that has no texts yet simply has no file. */
    public static final List<String> BUNDLES = List.of("i18n.messages", "i18n.forms", "i18n.records", "i18n.views",
            "i18n.rules", "i18n.plugins", "i18n.designer", "i18n.workspace", "i18n.timeline", "i18n.mobile",
            "i18n.security", "i18n.imports", "i18n.api", "i18n.workflow", "i18n.notifications", "i18n.dashboards",
            "i18n.webhooks", "i18n.adminhome", "i18n.calendar");
    private static final Logger log = LoggerFactory.getLogger(Messages.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Map<Locale, List<ResourceBundle>> bundles = new ConcurrentHashMap<>();

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = Languages.closest(locale);
        String text = find(key, language);
        if (text == null) {
            log.warn("Missing message '{}' for {}", key, language);
            return "!" + key + "!";
        }
        return params.length == 0 ? text : new MessageFormat(text, language).format(params);
    }

    private String find(String key, Locale language) {
        for (ResourceBundle bundle : bundles.computeIfAbsent(language, Messages::load)) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    /** The bundles that exist for {@code language}, looked up once: a missing one would otherwise throw per text. */
    private static List<ResourceBundle> load(Locale language) {
        List<ResourceBundle> found = new ArrayList<>();
        for (String name : BUNDLES) {
            try {
                found.add(ResourceBundle.getBundle(name, language, NO_FALLBACK));
            } catch (MissingResourceException absent) {
                // this feature has no texts
            }
        }
        return List.copyOf(found);
    }
}
