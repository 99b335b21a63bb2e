package io.kehu.plugins.visits;

import io.kehu.sdk.PluginContext;
import io.kehu.sdk.records.RecordException;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font the report is written in. PDF's standard fonts have no Chinese, so a font with TrueType outlines and CJK
 * glyphs is embedded — only the glyphs used (a subset, a few tens of kilobytes) — which makes the report read the same
 * on every reader. Which font: the path in the plugin's setting {@code report_font} (a {@code .ttf} or {@code .ttc}),
 * else the first of the common Linux CJK fonts found (WenQuanYi Zen Hei / Micro Hei from Debian's
 * {@code fonts-wqy-zenhei} / {@code fonts-wqy-microhei}, AR PL UMing, Droid Sans Fallback). No Maven Central artifact
 * ships such a font, so the server provides one; without any, the report is refused with a message saying what to
 * install (Noto Sans CJK's OpenType/CFF outlines cannot be embedded by PDFBox as a subset, so it is not on the list).
 */
final class ReportFont implements AutoCloseable {

    static final String SETTING = "report_font";
    static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
            "C:/Windows/Fonts/simhei.ttf");

    private final List<AutoCloseable> open = new ArrayList<>();
    private final File file;

    private ReportFont(File file) {
        this.file = file;
    }

    /** The configured or first installed CJK font. */
    static ReportFont open(PluginContext context) {
        return new ReportFont(find(context).orElseThrow(() -> RecordException.refused(
                RecordException.Reason.INVALID, context.messages(), "report.font.missing")));
    }

    static Optional<File> find(PluginContext context) {
        List<String> paths = new ArrayList<>();
        context.settings().get(SETTING).filter(s -> !s.isBlank()).ifPresent(paths::add);
        paths.addAll(CANDIDATES);
        return paths.stream().map(File::new).filter(File::isFile).findFirst();
    }

    /**
     * The font, embedded in {@code document} as a subset of the glyphs the document uses. The parsed font is kept
     * between reports (parsing a 10 MB CJK font each time cost most of a report); {@link VisitReport} renders one
     * report at a time, since a parsed font reads its file and is not safe for two documents at once.
     */
    PDFont load(PDDocument document) throws IOException {
        synchronized (CACHE) {
            TrueTypeFont cached = CACHE.get(file.getPath());
            if (cached == null) {
                cached = parse();
                CACHE.put(file.getPath(), cached);
            }
            return PDType0Font.load(document, cached, true);
        }
    }

    private static final java.util.Map<String, TrueTypeFont> CACHE = new java.util.HashMap<>();

    private TrueTypeFont parse() throws IOException {
        TrueTypeFont font;
        if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file);
            open.add(collection);
            TrueTypeFont[] first = new TrueTypeFont[1];
            collection.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            font = first[0];
        } else if (file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".otf")) {
            font = new OTFParser().parse(new RandomAccessReadBufferedFile(file));
            open.add(font);
        } else {
            font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            open.add(font);
        }
        if (font == null) {
            throw new IOException("No font in " + file);
        }
        open.clear(); // the file stays open for the next reports, with the cached font
        return font;
    }

    /** {@code text} with every character the font cannot show replaced by "?" (PDFBox refuses to write those). */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException notInFont) {
                out.append(Character.isWhitespace(cp) ? " " : "?");
            }
        });
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
