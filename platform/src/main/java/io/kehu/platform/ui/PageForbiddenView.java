package io.kehu.platform.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** "No access" inside the app frame, for a page the user's roles do not open (e.g. staff opening the designer). */
@ParentLayout(MainLayout.class)
@PermitAll
public class PageForbiddenView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show("page-forbidden", "error.forbidden");
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
