package io.kehu.plugins.survey;

import com.vaadin.flow.component.notification.Notification;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.json.JsonType;
import java.util.Map;

/**
 * Autosave of a personal link's answers in the customer's own browser ({@code localStorage}, under the link's
 * fingerprint): every change is written there, opening the link again puts the answers back, a successful submit
 * removes them. Nothing is stored on the server before the submit, so an abandoned answer costs no writes and no
 * half-filled response ever counts. Public links keep no draft: the next visitor at a shared screen must start empty.
 * A survey of several pages also keeps the page (under {@value #PAGE}, never a question's name), written at every
 * change and every page turn, so the link opens again where the customer left it.
 */
final class AnswerDraft {

    private static final JsonType<Map<String, Object>> MAP = new JsonType<>() { };
    /** The draft's key for the page shown (question names start with a letter, so it never clashes). */
    static final String PAGE = "_page";

    private final PluginContext context;
    private final AnswerForm form;
    private final String key;

    AnswerDraft(PluginContext context, AnswerForm form, String key) {
        this.context = context;
        this.form = form;
        this.key = key;
        if (key != null) {
            form.onChange(this::save);
        }
    }

    private void save() {
        Map<String, Object> draft = new java.util.LinkedHashMap<>(form.answers());
        if (form.pageCount() > 1) {
            draft.put(PAGE, form.page());
        }
        page().executeJs("try { localStorage.setItem($0, $1) } catch (e) { }", key, context.json().write(draft));
    }

    /** Saves the draft with its new page (the answers are saved at every change already). */
    void pageTurned() {
        if (key != null) {
            save();
        }
    }

    /** Asks the browser for a saved draft and fills the form with it, saying so. */
    void restore(boolean zh) {
        if (key == null) {
            return;
        }
        page().executeJs("try { return localStorage.getItem($0) } catch (e) { return null }", key)
                .then(String.class, json -> {
                    if (json == null || json.isBlank()) {
                        return;
                    }
                    try {
                        Map<String, Object> saved = context.json().read(json, MAP);
                        form.restore(saved);
                        if (saved.get(PAGE) instanceof Number n) {
                            form.turnTo(n.intValue());
                        }
                        Notification.show(zh ? "已恢复您上次填写的内容。" : "Your earlier answers are back.", 3000,
                                Notification.Position.TOP_CENTER);
                    } catch (RuntimeException e) {
                        clear(); // unreadable: start afresh
                    }
                });
    }

    private static com.vaadin.flow.component.page.Page page() {
        // the page, not the form: the form is gone from the screen when the thanks replace it
        return com.vaadin.flow.component.UI.getCurrent().getPage();
    }

    void clear() {
        if (key != null) {
            page().executeJs("try { localStorage.removeItem($0) } catch (e) { }", key);
        }
    }
}
