package ${package};

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordChange;
import io.kehu.sdk.records.RecordListener;
import io.kehu.sdk.records.Veto;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Refuses a customer whose name is only digits (a phone number typed into the wrong field), before it is saved -
 * from a form, a bulk write or another plugin alike.
 */
@Extension
public class CustomerNameCheck implements RecordListener {

    private final PluginContext context;

    public CustomerNameCheck(PluginContext context) {
        this.context = context;
    }

    @Override
    public boolean handles(String formId) {
        return "customer".equals(formId);
    }

    @Override
    public Optional<Veto> beforeSave(RecordChange change) {
        Object name = change.values().get("name");
        return name instanceof String text && text.strip().matches("[0-9 +-]+")
                ? Optional.of(new Veto(context.messages().text("veto.digits")))
                : Optional.empty();
    }
}
