package io.kehu.platform.webhooks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.kehu.platform.security.Actor;
import io.kehu.platform.webhooks.DeliveryStatus;
import io.kehu.platform.webhooks.WebhookAttempt;
import io.kehu.platform.webhooks.Webhooks;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** One endpoint's attempts of the last 30 days, newest first, read lazily, with replay per delivery. */
class AttemptsGrid extends VerticalLayout {

    AttemptsGrid(Webhooks webhooks, Actor actor, long endpointId, Runnable changed) {
        setPadding(false);
        int total = webhooks.countAttempts(actor, endpointId);
        Paragraph count = new Paragraph(total == 0 ? getTranslation("webhooks.attempts.empty")
                : getTranslation("webhooks.attempts.count", total));
        count.setId("attempt-count");
        add(count);
        if (total == 0) {
            return;
        }
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.systemDefault());
        Grid<WebhookAttempt> grid = new Grid<>();
        grid.setId("attempts");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.addColumn(a -> when.format(a.at())).setHeader(getTranslation("webhooks.column.at")).setAutoWidth(true);
        grid.addColumn(a -> Texts.event(this, a.eventType(), a.eventName())).setHeader(getTranslation("webhooks.column.event"))
                .setAutoWidth(true);
        grid.addColumn(WebhookAttempt::attempt).setHeader(getTranslation("webhooks.column.attempt"))
                .setAutoWidth(true);
        grid.addColumn(a -> a.statusCode() == null ? getTranslation("webhooks.noAnswer") : a.statusCode())
                .setHeader(getTranslation("webhooks.column.status")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("webhooks.millis", a.latencyMillis()))
                .setHeader(getTranslation("webhooks.column.latency")).setAutoWidth(true);
        grid.addColumn(a -> a.error() != null ? a.error() : a.responseExcerpt())
                .setHeader(getTranslation("webhooks.column.response")).setFlexGrow(2);
        grid.addColumn(a -> Texts.delivery(this, a.deliveryStatus()))
                .setHeader(getTranslation("webhooks.column.delivery")).setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Button replay = new Button(getTranslation("webhooks.replay"), e -> {
                webhooks.replay(actor, a.deliveryId());
                changed.run();
            });
            replay.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            replay.setEnabled(a.deliveryStatus() != DeliveryStatus.PENDING);
            return replay;
        }).setAutoWidth(true);
        grid.setItems(query -> webhooks.attempts(actor, endpointId, query.getOffset(), query.getLimit()).stream(),
                query -> total);
        grid.setHeight("24rem");
        add(grid);
    }
}
