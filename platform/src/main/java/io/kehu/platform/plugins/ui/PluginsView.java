package io.kehu.platform.plugins.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.kehu.platform.i18n.UploadTexts;
import io.kehu.platform.plugins.PluginHost;
import io.kehu.platform.plugins.PluginInfo;
import io.kehu.platform.plugins.PluginRefusedException;
import io.kehu.platform.plugins.PluginStatus;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The admin's Plugins screen: every installed plugin with its state, version, required platform version, what it
 * provides and why it failed; upload (install or upgrade), enable, disable, settings and uninstall, all without a
 * restart. The list is the host's handful of plugins held in memory, not a table, so the grid takes it whole.
 * After a change the page reloads, because the side navigation is built once per page.
 */
@Route(value = PluginsView.ROUTE, layout = MainLayout.class)
@RolesAllowed("ADMIN")
public class PluginsView extends VerticalLayout implements HasDynamicTitle {

    public static final String ROUTE = "admin/plugins";

    private final PluginHost host;
    private final Actor actor;
    private final Grid<PluginInfo> grid = new Grid<>();
    private volatile String expectedSha256;

    PluginsView(PluginHost host, CurrentUser user, UserAccounts users) {
        this.host = host;
        this.actor = user.username().flatMap(users::findByUsername).map(Actor::of)
                .orElseGet(() -> new Actor(null, user.username().orElse("?"), java.util.Set.of()));
        H2 title = new H2(getTranslation("plugins.title"));
        Paragraph intro = new Paragraph(getTranslation("plugins.intro"));
        // Where the files live is for whoever runs the server: behind an expander, not in the admin's reading.
        Details where = new Details(getTranslation("plugins.technical"),
                new Span(getTranslation("plugins.directory", host.directory())));
        where.setId("plugins-technical");
        // Plugins run inside the server with its full rights; the admin must know before uploading one.
        Paragraph trust = new Paragraph(getTranslation("plugins.trust"));
        trust.setId("plugin-trust");
        trust.getStyle().set("color", "var(--lumo-error-text-color)");
        add(title, intro, where, trust, sha256Field(), upload(), grid());
        setSizeFull();
        refresh();
    }

    private Upload upload() {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            try (InputStream in = Files.newInputStream(file.toPath())) {
                PluginInfo installed = host.install(actor, metadata.fileName(), in, expectedSha256);
                ui.access(() -> done(getTranslation("plugins.installed", name(installed), installed.version(),
                        getTranslation("plugins.status." + installed.status().name()))));
            } catch (PluginRefusedException e) {
                ui.access(() -> refused(getTranslation(e.messageKey(), e.arguments())));
            } catch (IOException | RuntimeException e) {
                ui.access(() -> refused(getTranslation("plugins.failed", e.getMessage())));
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        }));
        upload.setId("plugin-upload");
        upload.setAcceptedFileTypes(".jar", ".zip");
        upload.setMaxFiles(1);
        upload.setI18n(UploadTexts.of(this::getTranslation));
        upload.setUploadButton(new Button(getTranslation("plugins.upload")));
        upload.setDropLabel(new Span(getTranslation("plugins.upload.drop")));
        return upload;
    }

    /** The published SHA-256 to check the next upload against; kept here because uploads arrive off the UI thread. */
    private TextField sha256Field() {
        TextField field = new TextField(getTranslation("plugins.sha256"));
        field.setId("plugin-sha256");
        field.setHelperText(getTranslation("plugins.sha256.help"));
        field.setClearButtonVisible(true);
        field.setWidth("40em");
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.addValueChangeListener(e -> expectedSha256 = e.getValue());
        return field;
    }

    private Grid<PluginInfo> grid() {
        grid.setId("plugins-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(this::name).setHeader(getTranslation("plugins.column.name")).setAutoWidth(true);
        grid.addColumn(PluginInfo::version).setHeader(getTranslation("plugins.column.version")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("plugins.status." + p.status().name()))
                .setHeader(getTranslation("plugins.column.status")).setAutoWidth(true);
        grid.addColumn(PluginInfo::requires).setHeader(getTranslation("plugins.column.requires")).setAutoWidth(true);
        grid.addColumn(this::provides).setHeader(getTranslation("plugins.column.extensions"));
        grid.addColumn(this::problem).setHeader(getTranslation("plugins.column.error"));
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("plugins.column.actions"))
                .setAutoWidth(true);
        // The id and the extension classes are for experts (support, plugin authors): a click on a row shows them.
        grid.setItemDetailsRenderer(new ComponentRenderer<>(this::technical));
        grid.setHeight("60vh");
        return grid;
    }

    /** The plugin's own name in the user's language, else its description. */
    private String name(PluginInfo plugin) {
        return host.displayName(plugin.pluginId(), plugin.name(), getLocale());
    }

    /** What it provides in words ("页面 ×1、导航 ×1"); kinds without a text appear only among the details. */
    private String provides(PluginInfo plugin) {
        List<String> kinds = new ArrayList<>();
        for (String extension : plugin.extensions()) {
            int times = extension.indexOf(" ×");
            if (times > 0) {
                String key = "plugins.extension." + extension.substring(0, times);
                String text = getTranslation(key);
                if (!text.startsWith("!")) {
                    kinds.add(text + extension.substring(times));
                }
            }
        }
        return String.join(getTranslation("plugins.extension.separator"), kinds);
    }

    /** Why it failed: the exception's own words when there are some (for support), else "not started". */
    private String problem(PluginInfo plugin) {
        if (plugin.error() != null) {
            return plugin.error();
        }
        return plugin.status() == PluginStatus.FAILED ? getTranslation("plugins.notStarted") : "";
    }

    private Component technical(PluginInfo plugin) {
        Span details = new Span(getTranslation("plugins.details", plugin.pluginId(),
                String.join(", ", plugin.extensions())));
        details.setId("plugin-details-" + plugin.pluginId());
        return details;
    }

    private HorizontalLayout actions(PluginInfo plugin) {
        HorizontalLayout actions = new HorizontalLayout();
        boolean installed = plugin.installedBy() != null;
        if (installed && plugin.status() == PluginStatus.STARTED) {
            actions.add(button("disable", plugin, p -> host.disable(actor, p.pluginId())));
            if (!host.settingFields(plugin.pluginId()).isEmpty()) {
                Button settings = new Button(getTranslation("plugins.action.settings"),
                        click -> new PluginSettingsDialog(host, actor, plugin.pluginId(), name(plugin)).open());
                settings.setId("settings-" + plugin.pluginId());
                settings.addThemeVariants(ButtonVariant.LUMO_SMALL);
                actions.add(settings);
            }
        } else if (installed) {
            actions.add(button("enable", plugin, p -> host.enable(actor, p.pluginId())));
        }
        Button uninstall = new Button(getTranslation("plugins.action.uninstall"), click -> confirmUninstall(plugin));
        uninstall.setId("uninstall-" + plugin.pluginId());
        uninstall.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        actions.add(uninstall);
        return actions;
    }

    private Button button(String action, PluginInfo plugin, Function<PluginInfo, PluginInfo> change) {
        Button button = new Button(getTranslation("plugins.action." + action), click -> {
            PluginInfo after = change.apply(plugin);
            done(getTranslation("plugins.changed", name(after),
                    getTranslation("plugins.status." + after.status().name())));
        });
        button.setId(action + "-" + plugin.pluginId());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void confirmUninstall(PluginInfo plugin) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("plugins.uninstall.title", name(plugin)),
                getTranslation("plugins.uninstall.text"), getTranslation("plugins.action.uninstall"), confirm -> {
                    host.uninstall(actor, plugin.pluginId());
                    done(getTranslation("plugins.uninstalled", name(plugin)));
                });
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("plugins.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setId("confirm-uninstall");
        dialog.open();
    }

    private void done(String message) {
        refresh();
        Notification.show(message).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        // Navigation links of plugins appear or vanish: the layout builds them once per page.
        UI.getCurrent().getPage().reload();
    }

    private void refused(String message) {
        refresh();
        Notification notification = Notification.show(message, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("plugin-refused");
    }

    void refresh() {
        grid.setItems(host.plugins());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("plugins.title") + " · " + getTranslation("app.name");
    }
}
