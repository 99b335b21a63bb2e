package io.kehu.plugins.hello;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordChange;
import io.kehu.sdk.records.RecordEvent;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.records.Veto;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/** Refuses rude greetings before they are saved and announces saved ones on the plugin event bus. */
@Extension
public class PoliteGreetings implements RecordListener {

    static final String RUDE_WORD = "rude";
    static final String SAVED_TOPIC = "hello-kehu.greeting-saved";

    private final PluginContext context;

    public PoliteGreetings(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return HelloForms.FORM.equals(formId);
    }

    @Override
    public Optional<Veto> beforeSave(RecordChange change) {
        Object message = change.values().get("message");
        return message instanceof String text && text.toLowerCase(java.util.Locale.ROOT).contains(RUDE_WORD)
                ? Optional.of(new Veto(context.messages().text("veto.rude")))
                : Optional.empty();
    }

    @Override
    public void afterSave(RecordEvent event) {
        context.events().publish(SAVED_TOPIC, Map.of("id", event.id()));
    }
}
