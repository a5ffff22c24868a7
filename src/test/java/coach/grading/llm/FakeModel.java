package coach.grading.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 for the tests: it records every request and answers each
 * with the next scripted behaviour (the last one repeats). A behaviour sees the request's rubric and answer.
 */
public final class FakeModel implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server received it. */
    public record Request(JsonNode body, String authorization) {

        /** The JSON document of the user message: question, reference answer, key points, answer. */
        public JsonNode document() {
            try {
                return JSON.readTree(body.path("messages").path(1).path("content").asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String answer() {
            return document().path("answer").asText();
        }

        /** The rubric's ids in order, each with its point's text. */
        public Map<String, String> points() {
            Map<String, String> points = new java.util.LinkedHashMap<>();
            document().path("key_points").forEach(p -> points.put(p.path("id").asText(), p.path("point").asText()));
            return points;
        }
    }

    /** What the server sends back. */
    public record Reply(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-model");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Function<Request, Reply>> script = new ConcurrentLinkedDeque<>();
    /** A held behaviour waits for this before answering. */
    final CountDownLatch release = new CountDownLatch(1);

    public FakeModel() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    /** Answers the next requests with these behaviours in turn; the last one keeps answering. */
    @SafeVarargs
    public final FakeModel answers(Function<Request, Reply>... behaviours) {
        script.clear();
        script.addAll(List.of(behaviours));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(JSON.readTree(exchange.getRequestBody()),
                exchange.getRequestHeaders().getFirst("Authorization"));
        requests.add(request);
        Function<Request, Reply> behaviour = script.size() > 1 ? script.poll() : script.peek();
        Reply reply = behaviour == null ? content("{}").apply(request) : behaviour.apply(request);
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // Behaviours.

    static Function<Request, Reply> status(int status, Map<String, String> headers) {
        return r -> new Reply(status, headers, "{\"error\": {\"message\": \"fake " + status + "\"}}");
    }

    static Function<Request, Reply> body(String body) {
        return r -> new Reply(200, Map.of(), body);
    }

    /** A chat completion whose message content is {@code content}. */
    static Function<Request, Reply> content(String content) {
        return r -> new Reply(200, Map.of(), completion(content));
    }

    static Function<Request, Reply> refusal() {
        return r -> {
            ObjectNode root = envelope();
            ObjectNode message = (ObjectNode) root.path("choices").path(0).path("message");
            message.putNull("content");
            message.put("refusal", "I can't help with that.");
            return new Reply(200, Map.of(), root.toString());
        };
    }

    /** Answers only after the test counts {@link #release} down. */
    Function<Request, Reply> held() {
        return r -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return completion(r, Map.of());
        };
    }

    /** Verdicts decided per point by {@code judge}, which gets the point's text and the answer. */
    public static Function<Request, Reply> judging(Function<String, Verdict> judge) {
        return r -> {
            Map<String, Verdict> verdicts = new java.util.LinkedHashMap<>();
            r.points().forEach((id, text) -> verdicts.put(id, judge.apply(text)));
            return completion(r, verdicts);
        };
    }

    /** What the fake model says about one point. */
    public record Verdict(String verdict, String evidence, String feedback) {
        public static Verdict missed() {
            return new Verdict("missed", "", "没有提到这一点。");
        }

        public static Verdict made(String evidence) {
            return new Verdict("made", evidence, "这一点讲到了。");
        }
    }

    public static Reply completion(Request r, Map<String, Verdict> verdicts) {
        ObjectNode doc = JSON.createObjectNode();
        ArrayNode points = doc.putArray("points");
        for (String id : r.points().keySet()) {
            Verdict v = verdicts.getOrDefault(id, Verdict.missed());
            points.addObject().put("id", id).put("verdict", v.verdict()).put("evidence", v.evidence())
                    .put("feedback", v.feedback());
        }
        return new Reply(200, Map.of(), completion(doc.toString()));
    }

    static String completion(String content) {
        ObjectNode root = envelope();
        ((ObjectNode) root.path("choices").path(0).path("message")).put("content", content);
        return root.toString();
    }

    private static ObjectNode envelope() {
        ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-fake").put("object", "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant");
        return root;
    }

    static List<String> ids(Request r) {
        return new ArrayList<>(r.points().keySet());
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
