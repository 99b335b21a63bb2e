package io.kehu.plugins.visits;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real pictures for the tests, drawn with the JDK (a camera's photo is just a bigger one). */
final class Photos {

    private Photos() {
    }

    static byte[] png(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] jpeg(int width, int height) {
        return write(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
