package io.kehu.plugins.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG drawn from ZXing's modules reads back as the link (ZXing's own reader), quiet zone included. */
class QrCodesTest {

    private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final int SCALE = 4;

    @Test
    void theDrawnCodeReadsBackAsTheLink() throws Exception {
        String link = "https://crm.example.com/public/survey/answer?t=" + "Ab_-".repeat(10) + "xyz";
        String svg = QrCodes.svg(link);
        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        int[] pixels = new int[width * SCALE * height * SCALE];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = MODULE.matcher(svg);
        int dark = 0;
        while (module.find()) {
            dark++;
            int x = Integer.parseInt(module.group(1));
            int y = Integer.parseInt(module.group(2));
            for (int dy = 0; dy < SCALE; dy++) {
                for (int dx = 0; dx < SCALE; dx++) {
                    pixels[(y * SCALE + dy) * width * SCALE + x * SCALE + dx] = 0xFF000000;
                }
            }
        }
        assertThat(dark).isGreaterThan(100);
        // nothing dark in the four-module quiet zone the scanners need
        assertThat(MODULE.matcher(svg).results().allMatch(r -> Integer.parseInt(r.group(1)) >= 4
                && Integer.parseInt(r.group(2)) >= 4 && Integer.parseInt(r.group(1)) < width - 4)).isTrue();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width * SCALE,
                height * SCALE, pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(link);
    }
}
