package io.kehu.platform.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/** A real HTTP receiver on a random local port that answers with the status codes it is told, then 200. */
final class Receiver implements AutoCloseable {

    /** One request as received. */
    record Request(String id, String timestamp, String signature, String body, String query) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Integer> answers = new ConcurrentLinkedDeque<>();
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private volatile int otherwise = 200;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body, exchange.getRequestURI().getRawQuery()));
            Integer code = answers.pollFirst();
            int status = code == null ? otherwise : code;
            byte[] answer = ("{\"answer\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers the next requests with these codes, in order. */
    Receiver answer(Integer... codes) {
        answers.addAll(List.of(codes));
        return this;
    }

    /** Answers every request not scripted with {@code code}. */
    Receiver otherwise(int code) {
        otherwise = code;
        return this;
    }

    Map<String, Long> countsById() {
        synchronized (requests) {
            return requests.stream().collect(java.util.stream.Collectors.groupingBy(Request::id,
                    java.util.stream.Collectors.counting()));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
