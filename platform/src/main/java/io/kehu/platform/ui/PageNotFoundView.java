package io.kehu.platform.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * "Page not found" inside the app frame, with the way back home (replaces Flow's bare default). Open to everyone as
 * Flow's own not-found view is: Vaadin's access control checks error views as if nobody were signed in, and would
 * otherwise send a signed-in user to the login page. Strangers requesting an unknown address are still sent to the
 * login page by the filter chain before Flow sees the request.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class PageNotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("page-not-found", "error.notFound");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
