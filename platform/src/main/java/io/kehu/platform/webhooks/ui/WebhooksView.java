package io.kehu.platform.webhooks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.designer.ConditionFields;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.forms.FormDefinition;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginInfo;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import io.kehu.platform.webhooks.EndpointSettings;
import io.kehu.platform.webhooks.WebhookEndpoint;
import io.kehu.platform.webhooks.Webhooks;
import io.kehu.platform.webhooks.delivery.SendOutcome;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The webhooks console: endpoints with their state, add/edit, switch on/off, rotate the secret (shown once), send a
 * test event, and each endpoint's attempts of the last 30 days with replay.
 */
@Route(value = WebhooksView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class WebhooksView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "admin/webhooks";

    private final Webhooks webhooks;
    private final FormCatalog forms;
    private final Actor actor;
    private final ConditionFields conditions;
    private final PluginHost plugins;
    private final Paragraph count = new Paragraph();
    private final Paragraph empty = new Paragraph();
    private final Grid<WebhookEndpoint> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    WebhooksView(Webhooks webhooks, FormCatalog forms, CurrentUser user, UserAccounts accounts,
            ConditionFields conditions, PluginHost plugins) {
        this.webhooks = webhooks;
        this.conditions = conditions;
        this.plugins = plugins;
        this.forms = forms;
        this.actor = user.username().flatMap(accounts::findByUsername).map(Actor::of)
                .orElseThrow(() -> new AccessRefusedException("您的账号已不存在。", "Your account no longer exists."));
        Button add = new Button(getTranslation("webhooks.add"), e -> edit(null));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setId("add-endpoint");
        count.setId("endpoint-count");
        empty.setId("no-endpoints");
        empty.setText(getTranslation("webhooks.empty"));
        detail.setPadding(false);
        add(new H2(getTranslation("webhooks.title")), new Paragraph(getTranslation("webhooks.intro")), add, count,
                empty, endpointGrid(), detail);
        setSizeFull();
        refresh(null);
    }

    private Grid<WebhookEndpoint> endpointGrid() {
        grid.setId("endpoints");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(e -> e.description() == null ? e.url() : e.description() + "\n" + e.url())
                .setHeader(getTranslation("webhooks.column.endpoint")).setFlexGrow(3);
        grid.addColumn(e -> Texts.format(this, e.format())).setHeader(getTranslation("webhooks.column.format"))
                .setAutoWidth(true);
        grid.addColumn(this::eventNames).setHeader(getTranslation("webhooks.column.events")).setFlexGrow(2);
        grid.addColumn(this::formNames).setHeader(getTranslation("webhooks.column.forms")).setFlexGrow(1);
        grid.addColumn(e -> Texts.state(this, e)).setHeader(getTranslation("webhooks.column.state")).setFlexGrow(1);
        grid.asSingleSelect().addValueChangeListener(e -> showDetail(e.getValue()));
        return grid;
    }

    /** The events it receives, its plugins, its rule and the channel name workflows use for it. */
    private String eventNames(WebhookEndpoint e) {
        String names = e.eventTypes().stream().map(t -> Texts.event(this, t)).sorted()
                .collect(Collectors.joining("、"));
        if (!e.pluginIds().isEmpty()) {
            Map<String, String> known = pluginNames();
            names += getTranslation("webhooks.pluginsOnly", e.pluginIds().stream()
                    .map(id -> known.getOrDefault(id, id)).sorted().collect(Collectors.joining("、")));
        }
        if (e.rule() != null) {
            names += getTranslation("webhooks.withRule");
        }
        if (e.channel() != null) {
            names += (names.isEmpty() ? "" : " · ") + getTranslation("webhooks.channelNamed", e.channel());
        }
        return names;
    }

    private Map<String, String> pluginNames() {
        return plugins.plugins().stream().collect(Collectors.toMap(PluginInfo::pluginId,
                p -> p.name() == null || p.name().isBlank() ? p.pluginId() : p.name(), (a, b) -> a));
    }

    private String formNames(WebhookEndpoint e) {
        if (e.formIds().isEmpty()) {
            return getTranslation("webhooks.allForms");
        }
        return e.formIds().stream().map(id -> forms.published(id).map(f -> f.label().in(getLocale())).orElse(id))
                .sorted().collect(Collectors.joining("、"));
    }

    private void refresh(Long select) {
        // Endpoints are a handful per company, read whole; the attempts below are paged from the database.
        List<WebhookEndpoint> endpoints = webhooks.endpoints(actor);
        grid.setItems(endpoints);
        grid.setVisible(!endpoints.isEmpty());
        empty.setVisible(endpoints.isEmpty());
        count.setText(getTranslation("webhooks.count", endpoints.size()));
        long off = endpoints.stream().filter(e -> !e.enabled() && e.disabledReason() != null).count();
        if (off > 0) {
            count.setText(count.getText() + " · " + getTranslation("webhooks.autoDisabledCount", off));
        }
        endpoints.stream().filter(e -> select != null && e.id() == select).findFirst().ifPresentOrElse(
                grid::select, () -> showDetail(null));
    }

    private void showDetail(WebhookEndpoint endpoint) {
        detail.removeAll();
        if (endpoint == null) {
            return;
        }
        Button edit = new Button(getTranslation("webhooks.edit"), e -> edit(endpoint));
        Button toggle = new Button(getTranslation(endpoint.enabled() ? "webhooks.disable" : "webhooks.enable"), e -> {
            webhooks.enable(actor, endpoint.id(), !endpoint.enabled());
            refresh(endpoint.id());
        });
        Button rotate = new Button(getTranslation("webhooks.rotate"), e -> {
            showSecret(webhooks.rotateSecret(actor, endpoint.id()).secret(), "webhooks.secret.rotated");
            refresh(endpoint.id());
        });
        Button test = new Button(getTranslation("webhooks.test"), e -> sendTest(endpoint));
        test.setId("send-test");
        Button replayAll = new Button(getTranslation("webhooks.replayFailed"), e -> {
            int n = webhooks.replayFailed(actor, endpoint.id());
            Notification.show(getTranslation("webhooks.replayed", n));
            refresh(endpoint.id());
        });
        FlexLayout actions = new FlexLayout(edit, toggle, rotate, test, replayAll);
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-s)");
        detail.add(new H3(endpoint.description() == null ? endpoint.url() : endpoint.description()));
        if (!endpoint.enabled() && endpoint.disabledReason() != null) {
            Paragraph why = new Paragraph(getTranslation("webhooks.autoDisabledHelp", endpoint.consecutiveFailures()));
            why.getStyle().set("color", "var(--lumo-error-text-color)");
            detail.add(why);
        }
        if (endpoint.ruleProblem() != null) {
            DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(getLocale()).withZone(ZoneId.systemDefault());
            Paragraph problem = new Paragraph(getTranslation("webhooks.ruleProblem",
                    when.format(endpoint.ruleProblemAt()), endpoint.ruleProblem()));
            problem.setId("rule-problem");
            problem.getStyle().set("color", "var(--lumo-error-text-color)");
            detail.add(problem);
        }
        detail.add(actions, new AttemptsGrid(webhooks, actor, endpoint.id(), () -> refresh(endpoint.id())));
    }

    private void sendTest(WebhookEndpoint endpoint) {
        SendOutcome outcome = webhooks.sendTest(actor, endpoint.id());
        Notification n = Notification.show(outcome.succeeded()
                ? getTranslation("webhooks.test.ok", outcome.statusCode(), outcome.latencyMillis())
                : outcome.statusCode() != null
                        ? getTranslation("webhooks.test.status", outcome.statusCode())
                        : getTranslation("webhooks.test.noAnswer", outcome.error()));
        n.addThemeVariants(outcome.succeeded() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        refresh(endpoint.id());
    }

    private void edit(WebhookEndpoint existing) {
        List<FormDefinition> published = forms.allPublished();
        new EndpointDialog(existing, published, pluginNames(), conditions, (EndpointSettings settings) -> {
            if (existing == null) {
                Webhooks.NewSecret created = webhooks.addEndpoint(actor, settings);
                showSecret(created.secret(), "webhooks.secret.created");
                refresh(created.endpointId());
            } else {
                webhooks.changeEndpoint(actor, existing.id(), settings);
                refresh(existing.id());
            }
        }).open();
    }

    /** The secret, once: it is not shown again (the receiver stores it to check signatures). */
    private void showSecret(String secret, String introKey) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("webhooks.secret.title"));
        TextField field = new TextField();
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("endpoint-secret");
        dialog.add(new Paragraph(getTranslation(introKey)), field);
        dialog.getFooter().add(new Button(getTranslation("webhooks.secret.done"), e -> dialog.close()));
        dialog.setWidth("min(100%, 36rem)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("webhooks.title");
    }
}
