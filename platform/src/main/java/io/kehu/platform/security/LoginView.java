package io.kehu.platform.security;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;

/** Sign-in page, in the browser's language. Spring Security handles the POST to {@code /login}. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        addClassName("kehu-login");
        getStyle().set("display", "flex").set("flex-direction", "column").set("align-items", "center")
                .set("justify-content", "center").set("min-height", "100vh").set("padding", "var(--lumo-space-m)")
                .set("box-sizing", "border-box");
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(texts(false, 0));
        add(login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            long wait = throttledSeconds();
            login.setI18n(texts(wait > 0, wait));
            login.setError(true);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.form.title") + " · " + getTranslation("app.name");
    }

    private LoginI18n texts(boolean throttled, long waitSeconds) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.form.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        form.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(throttled ? "login.throttled.title" : "login.error.title"));
        error.setMessage(throttled
                ? getTranslation("login.throttled.message", waitSeconds)
                : getTranslation("login.error.message"));
        return i18n;
    }

    /** Seconds left when the last failure was a throttled attempt, else 0. */
    private static long throttledSeconds() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        return failure instanceof LoginThrottledException throttled
                ? Math.max(1, throttled.remaining().toSeconds()) : 0;
    }
}
