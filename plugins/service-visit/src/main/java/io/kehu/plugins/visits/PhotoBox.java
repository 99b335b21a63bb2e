package io.kehu.plugins.visits;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.files.FileRefusedException;
import io.kehu.sdk.records.RecordData;
import io.kehu.sdk.records.RecordException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The photos of one checklist line on the phone — every line takes photos; a line that asks for one says so — :
 * thumbnails of what was taken, each with 删除 while the visit is open (audited on the line: {@link
 * VisitService#removePhoto}), and an upload that opens the phone's camera ({@code capture=environment}) and takes JPEG or PNG up to 20 MB. The server
 * checks the bytes whatever the browser said, scales the photo down to 1,600 pixels and keeps it as JPEG
 * ({@code files().storeImage}), and counts it on the line in the same transaction; a refusal is shown with its
 * reason in the user's language.
 */
final class PhotoBox extends Div {

    private final PluginContext context;
    private final VisitService service;
    private final Locale locale;
    private final Div thumbnails = new Div();
    private final Span status = new Span();
    private final long checkId;
    private final boolean asked;
    private final boolean editable;
    private final Supplier<RecordData> current;
    private final Consumer<RecordData> onSaved;

    /**
     * @param current the line as last saved (its row version changes with every answer and photo)
     * @param onSaved the line after a photo was counted on it
     */
    PhotoBox(PluginContext context, VisitService service, Supplier<RecordData> current, boolean editable,
            Locale locale, Consumer<RecordData> onSaved) {
        this.context = context;
        this.service = service;
        this.locale = locale;
        this.current = current;
        this.editable = editable;
        this.onSaved = onSaved;
        RecordData line = current.get();
        this.checkId = line.id();
        this.asked = Boolean.TRUE.equals(line.get("photo_required"));
        setId("photos-" + line.id());
        thumbnails.setId("photo-list-" + line.id());
        thumbnails.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "6px");
        status.setId("photo-status-" + line.id());
        add(thumbnails);
        showThumbnails();
        if (editable) {
            UI ui = UI.getCurrent();
            Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
                String message;
                boolean ok = false;
                RecordData saved = null;
                try {
                    saved = service.addPhoto(current.get(), metadata.fileName(), data);
                    ok = true;
                    message = context.messages().get("photo.saved", locale);
                } catch (FileRefusedException e) {
                    message = e.text().in(locale);
                } catch (RecordException e) {
                    message = e.message(locale);
                }
                String text = message;
                boolean stored = ok;
                RecordData after = saved;
                Runnable show = () -> {
                    status.setText(text);
                    status.getStyle().set("color", stored ? "var(--lumo-success-text-color)"
                            : "var(--lumo-error-text-color)");
                    if (stored) {
                        showThumbnails();
                        onSaved.accept(after);
                    }
                };
                if (ui != null) {
                    ui.access(show::run);
                } else {
                    show.run();
                }
            }));
            upload.setId("photo-upload-" + line.id());
            upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
            upload.setMaxFileSize((int) VisitService.PHOTO_MAX_INPUT);
            upload.setMaxFiles(10);
            // an optional photo stays a small button: no drop zone on every line of a phone's long list
            upload.setDropAllowed(asked);
            upload.getElement().setAttribute("capture", "environment");
            UploadI18N i18n = new UploadI18N();
            // a line that does not ask for a photo still takes one (e.g. of a problem found), offered as optional
            String add = context.messages().get(asked ? "photo.add" : "photo.add.optional", locale);
            i18n.setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add));
            i18n.setDropFiles(new UploadI18N.DropFiles().setOne(context.messages().get("photo.drop", locale))
                    .setMany(context.messages().get("photo.drop", locale)));
            i18n.setError(new UploadI18N.Error().setFileIsTooBig(context.messages().get("photo.too.big", locale))
                    .setIncorrectFileType(context.messages().get("photo.wrong.type", locale))
                    .setTooManyFiles(context.messages().get("photo.too.many", locale)));
            upload.setI18n(i18n);
            upload.addFileRejectedListener(e -> {
                status.setText(e.getErrorMessage());
                status.getStyle().set("color", "var(--lumo-error-text-color)");
            });
            add(upload);
        }
        add(status);
    }

    private void showThumbnails() {
        thumbnails.removeAll();
        List<FileInfo> photos = service.photos(checkId);
        Span count = new Span(photos.isEmpty() ? context.messages().get("photo.none", locale)
                : context.messages().get("photo.count", locale, photos.size()));
        count.setId("photo-count-" + checkId);
        count.getStyle().set("width", "100%");
        // an optional photo's empty state would only add noise to every line of the list
        count.setVisible(asked || !photos.isEmpty());
        thumbnails.add(count);
        for (FileInfo photo : photos) {
            Image image = new Image(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = context.files().content(photo.id()).orElse(new byte[0]);
                return new DownloadResponse(new ByteArrayInputStream(bytes), photo.fileName(), photo.contentType(),
                        bytes.length);
            }), photo.fileName());
            image.getStyle().set("width", "96px").set("height", "96px").set("object-fit", "cover")
                    .set("border-radius", "6px");
            Div frame = new Div(image);
            frame.setId("photo-" + photo.id());
            frame.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "2px");
            if (editable) {
                Button delete = new Button(context.messages().get("photo.delete", locale), e -> delete(photo));
                delete.setId("photo-delete-" + photo.id());
                delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
                delete.setAriaLabel(context.messages().get("photo.delete.of", locale, photo.fileName()));
                frame.add(delete);
            }
            thumbnails.add(frame);
        }
    }

    private void delete(FileInfo photo) {
        try {
            RecordData after = service.removePhoto(current.get(), photo.id());
            status.setText(context.messages().get("photo.deleted", locale, photo.fileName()));
            status.getStyle().set("color", "var(--lumo-success-text-color)");
            showThumbnails();
            onSaved.accept(after);
        } catch (RecordException e) {
            status.setText(e.message(locale));
            status.getStyle().set("color", "var(--lumo-error-text-color)");
            showThumbnails();
        }
    }
}
