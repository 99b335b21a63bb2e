package io.kehu.plugins.loyalty;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/** The dry run's answer in words and formatted figures (no purchases in the period: a sentence saying so). */
final class DryRunFigures {

    private DryRunFigures() {
    }

    static Component of(Texts t, DryRun.Result r) {
        if (r.purchases() == 0) {
            Paragraph empty = new Paragraph(t.get("dryrun.empty"));
            empty.setId("loyalty-dryrun-empty");
            return empty;
        }
        UnorderedList figures = new UnorderedList(
                new ListItem(t.get("dryrun.purchases", t.points(r.purchases()))),
                new ListItem(t.get("dryrun.now", t.points(r.pointsNow()))),
                new ListItem(t.get("dryrun.changed", t.points(r.pointsChanged()))),
                new ListItem(t.get("dryrun.extra", t.signed(r.extraPoints()))),
                new ListItem(t.get("dryrun.liability", t.money(r.extraLiability()))),
                new ListItem(t.get("dryrun.customers", t.points(r.customersAffected()))));
        figures.setId("loyalty-dryrun-figures");
        Div box = new Div(figures);
        if (r.extraPoints() == 0 && r.customersAffected() == 0) {
            box.add(new Paragraph(t.get("dryrun.same")));
        }
        return box;
    }
}
