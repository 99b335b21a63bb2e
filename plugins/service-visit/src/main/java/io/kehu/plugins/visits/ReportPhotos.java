package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.files.FileInfo;
import io.kehu.sdk.files.FileRefusedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A checklist line's photos as small JPEG thumbnails for the report. The stored photos are up to 1,600 pixels; the
 * report needs about {@value #SIDE} (a 96-point box at ~180 dpi). Each photo gets its thumbnail when it is taken
 * ({@link VisitService#addPhoto}, through the SDK's {@code storeImage}, under {@link VisitService#thumbnailKey}),
 * which the report embeds as it is — no decoding per report; a photo kept before thumbnails existed gets its
 * thumbnail the first time a report needs it. The report stays small (a few KB a photo where the originals would add
 * up to 5 MB each) and fast.
 */
final class ReportPhotos {

    /** Longest side of a thumbnail, in pixels. */
    static final int SIDE = 240;

    private final PluginContext context;

    ReportPhotos(PluginContext context) {
        this.context = context;
    }

    /** The thumbnails of the photos of line {@code checkId}, oldest first; a photo that cannot be read is left out. */
    List<PDImageXObject> of(PDDocument document, long checkId) throws IOException {
        List<PDImageXObject> out = new ArrayList<>();
        for (FileInfo photo : context.files().list(VisitService.photoKey(checkId))) {
            Optional<byte[]> small = thumbnail(photo).flatMap(t -> context.files().content(t.id()));
            if (small.isPresent()) {
                out.add(JPEGFactory.createFromByteArray(document, small.get()));
            } else {
                context.logger().warn("photo {} of visit line {} could not be read for the report", photo.id(), checkId);
            }
        }
        return out;
    }

    /** The photo's thumbnail, made now when it has none yet. */
    private Optional<FileInfo> thumbnail(FileInfo photo) {
        List<FileInfo> kept = context.files().list(VisitService.thumbnailKey(photo.id()));
        if (!kept.isEmpty()) {
            return Optional.of(kept.getFirst());
        }
        try {
            return context.files().content(photo.id()).map(bytes -> context.files().storeImage(
                    VisitService.thumbnailKey(photo.id()), photo.fileName(), bytes, SIDE));
        } catch (FileRefusedException e) {
            return Optional.empty();
        }
    }
}
