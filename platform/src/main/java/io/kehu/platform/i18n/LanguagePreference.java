package io.kehu.platform.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies the signed-in user's chosen language to every new UI, and remembers a new choice. Until a user chooses,
 * Vaadin's pick from the browser's {@code Accept-Language} stands. Vaadin's own texts (connection indicator, session
 * expired, ...) follow the same language ({@link SystemTexts}).
 */
@Component
public class LanguagePreference implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final UserAccounts accounts;
    private final SystemTexts systemTexts;

    LanguagePreference(CurrentUser currentUser, UserAccounts accounts, Messages messages) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.systemTexts = new SystemTexts(messages);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(systemTexts::notices);
        event.getSource().addUIInitListener(init -> {
            storedLanguage().ifPresent(locale -> apply(init.getUI(), locale));
            // after the language is settled: Vaadin's own texts follow it
            systemTexts.applyConnectionTexts(init.getUI());
            systemTexts.applyAriaLabels(init.getUI());
        });
    }

    /** The language the signed-in user chose earlier, if any. */
    public Optional<Locale> storedLanguage() {
        return currentUser.username()
                .flatMap(accounts::findByUsername)
                .flatMap(account -> account.languageTag())
                .map(Locale::forLanguageTag)
                .map(Languages::closest);
    }

    /** Switches {@code ui} (and the session) to {@code locale} and remembers it for the signed-in user. */
    public void choose(UI ui, Locale locale) {
        Locale language = Languages.closest(locale);
        currentUser.username().ifPresent(name -> accounts.saveLanguage(name, language.toLanguageTag()));
        apply(ui, language);
    }

    private static void apply(UI ui, Locale locale) {
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(locale);
        }
        ui.setLocale(locale);
    }
}
