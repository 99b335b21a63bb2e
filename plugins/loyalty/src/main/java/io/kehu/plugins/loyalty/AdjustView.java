package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.kehu.sdk.LocalText;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.ui.ViewContribution;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.pf4j.Extension;

/** Manual adjustments: managers and admins only, always with a reason, recorded as an ADJUST entry with who did it. */
@Extension
public class AdjustView implements ViewContribution {

    static final String PATH = "adjust";

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public LocalText title() {
        return LocalText.of("积分调整", "Adjust points");
    }

    @Override
    public Set<String> roles() {
        return Set.of("MANAGER", "ADMIN");
    }

    @Override
    public Component create(PluginContext context) {
        Texts t = new Texts(context);
        VerticalLayout page = new VerticalLayout();
        page.setId("loyalty-adjust");
        page.setMaxWidth("40rem");
        CustomerPicker picker = new CustomerPicker(context, t);
        IntegerField points = new IntegerField(t.get("adjust.points"));
        points.setId("loyalty-adjust-points");
        points.setHelperText(t.get("adjust.points.help"));
        TextField reason = new TextField(t.get("adjust.reason"));
        reason.setId("loyalty-adjust-reason");
        reason.setWidthFull();
        Span status = new Span();
        status.setId("loyalty-adjust-status");
        Button apply = new Button(t.get("adjust.apply"), e -> {
            String why = reason.getValue() == null ? "" : reason.getValue().strip();
            if (picker.selected().isEmpty() || points.getValue() == null || points.getValue() == 0
                    || why.isEmpty()) {
                status.setText(t.get("adjust.missing"));
                return;
            }
            String who = context.currentUsername().orElse("?");
            PostResult result = new Ledger(context).post(new Posting(picker.selected().get(), EntryKind.ADJUST,
                    points.getValue(), "adjust/" + UUID.randomUUID(), "manual", LocalDate.now(), null, null, null,
                    null, why + " (" + who + ")", false));
            status.setText(result.posted() ? t.get("adjust.done", t.points(result.balance()))
                    : t.get("counter.short", t.points(result.balance())));
            picker.refresh();
        });
        apply.setId("loyalty-adjust-apply");
        page.add(new H2(t.get("adjust.title")), picker, points, reason, apply, status);
        return page;
    }
}
