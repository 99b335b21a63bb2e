package io.kehu.platform.imports.ui;

import com.vaadin.flow.component.UI;
import io.kehu.platform.imports.ImportSource;

/**
 * Hands a kept file to the wizard shown in the current UI, as its upload does: server-side tests cannot drive the
 * browser's file upload, so they give the wizard the file this way.
 */
public final class ImportViewAccess {

    private ImportViewAccess() {
    }

    public static void received(ImportSource source) {
        view().received(source);
    }

    private static ImportView view() {
        return UI.getCurrent().getChildren().flatMap(c -> c.getChildren()).filter(ImportView.class::isInstance)
                .findFirst()
                .or(() -> UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream()
                        .filter(ImportView.class::isInstance).map(c -> (com.vaadin.flow.component.Component) c)
                        .findFirst())
                .map(ImportView.class::cast).orElseThrow();
    }
}
