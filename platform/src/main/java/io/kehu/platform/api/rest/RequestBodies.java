package io.kehu.platform.api.rest;

import io.kehu.platform.api.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as one JSON object, at most {@link #MAX_BYTES}: 415 for another content type, 413 past the
 * limit (from {@code Content-Length} before reading, or while reading a chunked body), 400 for malformed JSON
 * (duplicate members included) and when it is not an object.
 */
final class RequestBodies {

    /** 1 MiB: far more than any record, small enough that a flood of bodies cannot exhaust memory. */
    static final int MAX_BYTES = 1 << 20;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RequestBodies() {
    }

    static JsonNode object(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || !(type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")
                || type.toLowerCase(java.util.Locale.ROOT).startsWith("application/merge-patch+json"))) {
            throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media_type");
        }
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = read(request);
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed_json", e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "not_object");
        }
        return node;
    }

    /** The body's bytes, refused as soon as they exceed the limit. */
    private static byte[] read(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        try (InputStream in = request.getInputStream()) {
            if (length >= 0) {
                // The usual case: the length is known (and within the limit), so read exactly that many bytes.
                byte[] bytes = in.readNBytes((int) length);
                if (bytes.length < length) {
                    throw new ApiProblem(HttpStatus.BAD_REQUEST, "malformed_json", "body shorter than its length");
                }
                return bytes;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too_large", MAX_BYTES);
    }
}
