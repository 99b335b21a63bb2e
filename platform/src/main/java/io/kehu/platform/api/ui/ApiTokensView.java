package io.kehu.platform.api.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.kehu.platform.api.ApiScopes;
import io.kehu.platform.api.ApiToken;
import io.kehu.platform.api.ApiTokens;
import io.kehu.platform.api.NewApiToken;
import io.kehu.platform.forms.FormCatalog;
import io.kehu.platform.security.AccessRefusedException;
import io.kehu.platform.security.Actor;
import io.kehu.platform.security.CurrentUser;
import io.kehu.platform.security.Role;
import io.kehu.platform.security.UserAccount;
import io.kehu.platform.security.UserAccounts;
import io.kehu.platform.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * API tokens: everyone makes and revokes their own; admins see every account's tokens and make tokens for any
 * account, e.g. a service account set up for an integration. The secret is shown once, right after it is made.
 */
@Route(value = ApiTokensView.ROUTE, layout = MainLayout.class)
@PermitAll
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "api-tokens";

    private final ApiTokens tokens;
    private final FormCatalog forms;
    private final Actor actor;
    private final boolean admin;
    private final List<UserAccount> accounts;
    private final Map<Long, String> names;
    private final Span count = new Span();
    private final Paragraph empty = new Paragraph();
    private final Grid<ApiToken> grid = new Grid<>();

    ApiTokensView(ApiTokens tokens, CurrentUser user, UserAccounts userAccounts, FormCatalog forms) {
        this.tokens = tokens;
        this.forms = forms;
        UserAccount me = user.username().flatMap(userAccounts::findByUsername)
                .orElseThrow(() -> new AccessRefusedException("您的账号已不存在。", "Your account no longer exists."));
        this.actor = Actor.of(me);
        this.admin = me.hasRole(Role.ADMIN);
        this.accounts = admin ? userAccounts.findAll() : List.of(me);
        this.names = accounts.stream().collect(Collectors.toMap(UserAccount::id, UserAccount::displayName));

        Button create = new Button(getTranslation("api.tokens.new"), click -> new NewTokenDialog(accounts, me, forms.allPublished(),
                this::created).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-api-token");
        Anchor docs = new Anchor("/api/docs", getTranslation("api.tokens.docs"), AnchorTarget.BLANK);
        docs.setRouterIgnore(true);
        HorizontalLayout header = new HorizontalLayout(new H2(getTranslation("api.tokens.title")), create);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWrap(true);
        count.setId("api-token-count");
        empty.setText(getTranslation("api.tokens.empty"));
        empty.setId("api-tokens-empty");
        add(header, new Paragraph(new Text(getTranslation("api.tokens.intro") + " "), docs), count, empty,
                grid());
        setSizeFull();
        refresh();
    }

    private Grid<ApiToken> grid() {
        grid.setId("api-tokens");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ApiToken::name).setHeader(getTranslation("api.tokens.col.name")).setFlexGrow(2);
        if (admin) {
            grid.addColumn(t -> names.getOrDefault(t.userId(), "")).setHeader(getTranslation("api.tokens.col.user"))
                    .setAutoWidth(true);
        }
        grid.addColumn(t -> t.hint() + "…").setHeader(getTranslation("api.tokens.col.hint")).setAutoWidth(true);
        grid.addColumn(t -> scopeText(t.scopes())).setHeader(getTranslation("api.tokens.col.scope"))
                .setFlexGrow(2);
        grid.addColumn(this::status).setHeader(getTranslation("api.tokens.col.status")).setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? getTranslation("api.tokens.never") : format(t.lastUsedAt()))
                .setHeader(getTranslation("api.tokens.col.last_used")).setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? getTranslation("api.tokens.never_expires")
                : format(t.expiresAt())).setHeader(getTranslation("api.tokens.col.expires")).setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setKey("revoke").setAutoWidth(true);
        return grid;
    }

    /** The scopes in words, naming forms by their labels: 读写：客户、商机；只读：客户反馈. */
    private String scopeText(ApiScopes scopes) {
        if (scopes.mayWrite("*")) {
            return getTranslation("api.tokens.scope.write");
        }
        List<String> write = new ArrayList<>();
        List<String> read = new ArrayList<>();
        boolean readAll = scopes.grants().contains("read:*");
        for (String grant : scopes.grants().stream().sorted().toList()) {
            String formId = grant.substring(grant.indexOf(':') + 1);
            if (formId.equals("*")) {
                continue;
            }
            String label = forms.published(formId).map(f -> f.label().in(getLocale())).orElse(formId);
            if (grant.startsWith("write:")) {
                write.add(label);
            } else if (!scopes.mayWrite(formId)) {
                read.add(label);
            }
        }
        String separator = getTranslation("api.tokens.scope.separator");
        List<String> parts = new ArrayList<>();
        if (!write.isEmpty()) {
            parts.add(getTranslation("api.tokens.scope.write_list", String.join(separator, write)));
        }
        if (readAll) {
            parts.add(getTranslation("api.tokens.scope.read"));
        } else if (!read.isEmpty()) {
            parts.add(getTranslation("api.tokens.scope.read_list", String.join(separator, read)));
        }
        return String.join(getTranslation("api.tokens.scope.joiner"), parts);
    }

    private String status(ApiToken token) {
        if (token.revokedAt() != null) {
            return getTranslation("api.tokens.revoked");
        }
        return token.activeAt(OffsetDateTime.now()) ? getTranslation("api.tokens.active")
                : getTranslation("api.tokens.expired");
    }

    private Button revokeButton(ApiToken token) {
        Button revoke = new Button(getTranslation("api.tokens.revoke"), click -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(token.revokedAt() == null);
        revoke.setId("revoke-token-" + token.id());
        return revoke;
    }

    private void confirmRevoke(ApiToken token) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("revoke-token-dialog");
        confirm.setHeader(getTranslation("api.tokens.revoke"));
        confirm.setText(getTranslation("api.tokens.revoke.confirm", token.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("api.tokens.cancel"));
        confirm.setConfirmText(getTranslation("api.tokens.revoke"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            tokens.revoke(actor, token.id());
            refresh();
            Notification.show(getTranslation("api.tokens.revoked")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        confirm.open();
    }

    private void created(NewTokenDialog.Request request) {
        NewApiToken made = tokens.create(actor, request.userId(), request.name(), request.scopes(),
                request.expiresAt());
        refresh();
        new SecretDialog(made.secret()).open();
    }

    private void refresh() {
        // At most 500 tokens (TokenStore.list): a bounded list, not a table scan.
        List<ApiToken> shown = admin ? tokens.listAll(actor) : tokens.list(actor, actor.userId());
        count.setText(getTranslation("api.tokens.count", shown.size()));
        empty.setVisible(shown.isEmpty());
        grid.setVisible(!shown.isEmpty());
        grid.setItems(shown);
    }

    private String format(OffsetDateTime time) {
        return time.atZoneSameInstant(zone()).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()));
    }

    private static ZoneId zone() {
        UI ui = UI.getCurrent();
        ExtendedClientDetails details = ui == null ? null : ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        try {
            return id == null || id.isBlank() ? ZoneId.systemDefault() : ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return ZoneId.systemDefault();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("api.tokens.title") + " · " + getTranslation("app.name");
    }
}
