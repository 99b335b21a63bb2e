package io.kehu.platform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP client a bench calls the REST API with. Two kinds, because the client's own cost is part of every
 * end-to-end figure and differs a lot between them: the JDK's asynchronous {@link HttpClient} hands each exchange
 * between threads (selector, executor, completion stages), while {@link HttpURLConnection} reads and writes on the
 * calling thread, as the blocking clients most integrations use (curl, Python's requests, OkHttp) do. Both keep the
 * connection alive.
 */
interface BenchHttp {

    /**
     * A response: status and body, as the bytes received (a client parses JSON from them, as from the response stream,
     * rather than decoding them to a string first).
     */
    record Answer(int status, byte[] body) {

        /** The body as text, for messages. */
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer get(String url, String token) throws IOException, InterruptedException;

    Answer post(String url, String token, String json) throws IOException, InterruptedException;

    /** {@code jdk} (java.net.http) or {@code plain} (HttpURLConnection). */
    static BenchHttp named(String kind) {
        return switch (kind) {
            case "jdk" -> new Jdk();
            case "plain" -> new Plain();
            default -> throw new IllegalArgumentException("--client must be jdk or plain, not " + kind);
        };
    }

    /** The JDK's asynchronous client, HTTP/1.1. */
    final class Jdk implements BenchHttp {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        @Override
        public Answer get(String url, String token) throws IOException, InterruptedException {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body());
        }

        @Override
        public Answer post(String url, String token, String json) throws IOException, InterruptedException {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body());
        }
    }

    /** A blocking client on the caller's thread; the JDK keeps its connections alive between calls. */
    final class Plain implements BenchHttp {
        @Override
        public Answer get(String url, String token) throws IOException {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestProperty("Authorization", "Bearer " + token);
            return read(c);
        }

        @Override
        public Answer post(String url, String token, String json) throws IOException {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setRequestProperty("Authorization", "Bearer " + token);
            c.setRequestProperty("Content-Type", "application/json");
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
            return read(c);
        }

        private static Answer read(HttpURLConnection c) throws IOException {
            int status = c.getResponseCode();
            // Reading the body to its end (error or not) lets the connection go back to the keep-alive cache.
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                return new Answer(status, in == null ? new byte[0] : in.readAllBytes());
            }
        }
    }
}
