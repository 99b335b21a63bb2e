package io.kehu.platform.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.SystemMessagesInfo;
import java.util.Locale;

/**
 * Vaadin's own texts in the user's language: the connection indicator ("Connection lost, trying to reconnect…") and
 * the session-expired, internal-error and sync-error notices, which Vaadin otherwise shows in English.
 */
final class SystemTexts {

    private final Messages messages;

    SystemTexts(Messages messages) {
        this.messages = messages;
    }

    /** The notices for the locale Vaadin asks with (the session's). */
    CustomizedSystemMessages notices(SystemMessagesInfo info) {
        Locale locale = Languages.closest(info.getLocale() == null ? Languages.CHINESE : info.getLocale());
        CustomizedSystemMessages notices = new CustomizedSystemMessages();
        notices.setSessionExpiredCaption(text("system.sessionExpired.caption", locale));
        notices.setSessionExpiredMessage(text("system.sessionExpired.message", locale));
        notices.setInternalErrorCaption(text("system.internalError.caption", locale));
        notices.setInternalErrorMessage(text("system.internalError.message", locale));
        notices.setCookiesDisabledCaption(text("system.cookiesDisabled.caption", locale));
        notices.setCookiesDisabledMessage(text("system.cookiesDisabled.message", locale));
        notices.setSyncErrorCaption(text("system.syncError.caption", locale));
        notices.setSyncErrorMessage(text("system.syncError.message", locale));
        return notices;
    }

    /**
     * The connection indicator's texts for {@code ui}: the reconnect texts travel with the UI's reconnect
     * configuration; "online" and "offline" are set on the indicator in the page.
     */
    void applyConnectionTexts(UI ui) {
        Locale locale = ui.getLocale();
        ui.getReconnectDialogConfiguration().setDialogText(text("system.connection.reconnecting", locale));
        ui.getReconnectDialogConfiguration().setDialogTextGaveUp(text("system.connection.gaveUp", locale));
        ui.getPage().executeJs("const i = window.Vaadin && window.Vaadin.connectionIndicator;"
                        + "if (i) { i.onlineText = $0; i.offlineText = $1; i.reconnectingText = $2; }",
                text("system.connection.online", locale), text("system.connection.offline", locale),
                text("system.connection.reconnecting", locale));
    }

    /**
     * Screen-reader labels that Vaadin's client code writes in English with no Java API to change them ("Sort by
     * 客户名称" on grid sorters, "Show password"): rewritten in the page as they appear.
     */
    void applyAriaLabels(UI ui) {
        Locale locale = ui.getLocale();
        ui.getPage().executeJs("""
                const sortBy = $0, fixed = {'Show password': $1, 'Hide password': $2};
                const fix = e => {
                  const a = e.getAttribute && e.getAttribute('aria-label');
                  if (!a) return;
                  const b = a.startsWith('Sort by ') ? sortBy.replace('{0}', a.substring(8)) : (fixed[a] || a);
                  if (b !== a) e.setAttribute('aria-label', b);
                };
                const scan = n => { fix(n); if (n.querySelectorAll) n.querySelectorAll('[aria-label]').forEach(fix); };
                new MutationObserver(ms => ms.forEach(m => m.type === 'attributes' ? fix(m.target)
                    : m.addedNodes.forEach(n => n.nodeType === 1 && scan(n))))
                  .observe(document.body, {subtree: true, childList: true, attributes: true,
                    attributeFilter: ['aria-label']});
                scan(document.body);""",
                text("system.aria.sortBy", locale), text("system.aria.showPassword", locale),
                text("system.aria.hidePassword", locale));
    }

    private String text(String key, Locale locale) {
        return messages.getTranslation(key, locale);
    }
}
