package io.kehu.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives a browser's page request the HTTP status of what the app will show: 404 for an address that is no route, 403
 * for a route the user's roles do not open. Vaadin serves its page shell with 200 for every address and routes
 * afterwards in the browser, where the in-app 页面不存在 / 无权访问 pages ({@link PageNotFoundView},
 * {@link PageForbiddenView}) are drawn; this filter only corrects the status line of that shell, so bookmarks,
 * crawlers and monitoring see the truth. Runs after Spring Security (strangers are sent to the login page first).
 *
 * <p>Rendering the view in the first request instead ({@code vaadin.eagerServerLoad}) also sets the status, but
 * left some grids empty (items given while the view is built did not reach the browser), so it is not used.
 */
class RouteStatusFilter extends OncePerRequestFilter {

    private final AccessAnnotationChecker access = new AccessAnnotationChecker();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        // only page loads: no Vaadin traffic (?v-r=…), no files, no framework folders, not the REST API (its own
        // controllers set its statuses)
        // the address first: the query string is parsed (and checked by the firewall) only for what could be a page
        return !"GET".equals(request.getMethod()) || path.startsWith("api/")
                || path.startsWith("VAADIN/") || path.startsWith("webjars/") || path.startsWith("HEARTBEAT")
                || path.substring(path.lastIndexOf('/') + 1).contains(".") || request.getParameter("v-r") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        int status = status(request);
        if (status == HttpServletResponse.SC_OK) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(status);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                // the shell is written with 200; keep the status decided above
                if (sc != HttpServletResponse.SC_OK) {
                    super.setStatus(sc);
                }
            }
        });
    }

    private int status(HttpServletRequest request) {
        ApplicationRouteRegistry routes = ApplicationRouteRegistry.getInstance(
                new VaadinServletContext(request.getServletContext()));
        Optional<Class<? extends Component>> target = routes.getNavigationTarget(path(request));
        if (target.isEmpty()) {
            return HttpServletResponse.SC_NOT_FOUND;
        }
        return access.hasAccess(target.get(), request) ? HttpServletResponse.SC_OK : HttpServletResponse.SC_FORBIDDEN;
    }

    private static String path(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
