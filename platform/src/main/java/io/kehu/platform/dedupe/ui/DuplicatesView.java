package io.kehu.platform.dedupe.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.dedupe.DuplicateGroup;
import io.kehu.platform.dedupe.DuplicateRules;
import io.kehu.platform.dedupe.Duplicates;
import io.kehu.platform.dedupe.MergeUndoReport;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.records.Record;
import io.kehu.platform.records.RecordAccessDeniedException;
import io.kehu.platform.records.Records;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The likely duplicates among a form's records ({@code duplicates/<form>}, from the list's "查找重复" button), for
 * managers and administrators: each group with why its records match, and a merge of any two of them.
 */
@Route(value = DuplicatesView.ROUTE + "/:form", layout = MainLayout.class)
@RolesAllowed({"MANAGER", "ADMIN"})
public class DuplicatesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "duplicates";
    /** Groups shown at once; a merge and a new search show the next ones. */
    static final int SHOWN = 100;

    private final Duplicates duplicates;
    private final Records records;
    private final FormCatalog catalog;
    private final CurrentUser user;
    private final UserAccounts accounts;
    private Actor actor;
    private FormDefinition form;
    private String title = "";

    public DuplicatesView(Duplicates duplicates, Records records, FormCatalog catalog, CurrentUser user,
                          UserAccounts accounts) {
        this.duplicates = duplicates;
        this.records = records;
        this.catalog = catalog;
        this.user = user;
        this.accounts = accounts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        actor = user.username().flatMap(accounts::findByUsername).map(Actor::of).orElseThrow();
        form = catalog.published(event.getRouteParameters().get("form").orElse("")).orElse(null);
        title = form == null ? getTranslation("dedupe.button") : getTranslation("dedupe.title",
                form.label().in(getLocale()));
        show();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show() {
        removeAll();
        H2 heading = new H2(title);
        heading.setId("duplicates-title");
        add(heading);
        if (form == null || !actor.hasRole(Role.MANAGER) && !actor.hasRole(Role.ADMIN)) {
            add(new Paragraph(getTranslation("dedupe.denied")));
            return;
        }
        DuplicateRules rules = duplicates.rules(form.id());
        if (actor.hasRole(Role.ADMIN)) {
            add(new RulesEditor(form, duplicates, actor, this::show));
        }
        List<DuplicateGroup> groups = duplicates.groups(actor, form.id(), SHOWN);
        Span count = new Span(getTranslation("dedupe.count", groups.size()));
        count.setId("duplicates-count");
        add(count);
        if (groups.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("dedupe.empty", rulesText(rules)));
            empty.setId("duplicates-empty");
            add(empty);
            return;
        }
        if (groups.size() == SHOWN) {
            add(new Paragraph(getTranslation("dedupe.more", SHOWN)));
        }
        ShownValues shown = new ShownValues(getLocale(), accounts);
        for (DuplicateGroup g : groups) {
            add(card(g, rules, shown));
        }
    }

    private Div card(DuplicateGroup group, DuplicateRules rules, ShownValues shown) {
        Div card = new Div();
        card.addClassName("duplicate-group");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius",
                "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-s)").set("width", "100%")
                .set("box-sizing", "border-box");
        Record first = group.records().get(0);
        for (int i = 0; i < group.records().size(); i++) {
            Record r = group.records().get(i);
            Anchor link = new Anchor("forms/" + form.id() + "/" + r.id(), describe(form, rules, r));
            Span why = new Span(i == 0 ? getTranslation("dedupe.oldest") : group.reasons().get(i).in(getLocale()));
            why.getStyle().set("color", "var(--lumo-secondary-text-color)");
            HorizontalLayout line = new HorizontalLayout(link, why);
            line.setWrap(true);
            line.setAlignItems(Alignment.BASELINE);
            if (i > 0) {
                Button merge = new Button(getTranslation("dedupe.merge"), click -> openMerge(first, r, shown));
                merge.addClassName("duplicate-merge");
                merge.addThemeVariants(ButtonVariant.LUMO_SMALL);
                line.add(merge);
            }
            card.add(line);
        }
        return card;
    }

    void openMerge(Record first, Record second, ShownValues shown) {
        Record a = records.get(actor, form.id(), first.id()).orElse(null);
        Record b = records.get(actor, form.id(), second.id()).orElse(null);
        if (a == null || b == null) {
            show();
            return;
        }
        new MergeDialog(form, duplicates, shown, a, b, (survivor, chosen) -> merge(survivor,
                survivor == a ? b : a, chosen)).open();
    }

    private void merge(Record survivor, Record other, Map<String, Object> chosen) {
        long mergeId;
        try {
            mergeId = duplicates.merge(actor, form.id(), survivor.id(), other.id(), chosen);
        } catch (RecordAccessDeniedException | IllegalArgumentException | IllegalStateException e) {
            Notification.show(getTranslation("dedupe.merge.failed", e.getMessage()), 6000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        } catch (RuntimeException e) {
            Notification.show(getTranslation("dedupe.merge.failed", e.getMessage()), 6000,
                    Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Notification done = new Notification();
        done.setDuration(15_000);
        Button undo = new Button(getTranslation("dedupe.merge.undo"), click -> {
            done.close();
            MergeUndoReport report = duplicates.undoMerge(actor, mergeId);
            String text = getTranslation("dedupe.merge.undone", report.movedBack());
            if (!report.leftAlone().isEmpty()) {
                text += " " + getTranslation("dedupe.merge.leftAlone", String.join("、", report.leftAlone()));
            }
            Notification.show(text, 8000, Notification.Position.BOTTOM_START);
            show();
        });
        undo.setId("merge-undo");
        done.add(new HorizontalLayout(new Span(getTranslation("dedupe.merge.done", describe(form, duplicates.rules(
                form.id()), survivor))), undo));
        done.open();
        show();
    }

    private String rulesText(DuplicateRules rules) {
        String off = getTranslation("dedupe.rules.off");
        return getTranslation("dedupe.rules", label(rules.phoneField(), off), label(rules.emailField(), off),
                Math.round(rules.nameThreshold() * 100), label(rules.nameField(), off));
    }

    private String label(String fieldId, String off) {
        return fieldId == null ? off : form.field(fieldId).map(f -> f.label().in(getLocale())).orElse(off);
    }

    /** A record as people tell it apart: its title with its phone and e-mail. */
    static String describe(FormDefinition form, DuplicateRules rules, Record r) {
        return Stream.of(form.titleField(), rules.phoneField(), rules.emailField()).filter(Objects::nonNull)
                .distinct().map(r::get).filter(Objects::nonNull).map(Object::toString)
                .filter(s -> !s.isBlank()).collect(Collectors.joining(" · "));
    }
}
