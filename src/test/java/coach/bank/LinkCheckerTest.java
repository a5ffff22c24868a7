package coach.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link checker against a local HTTP server that answers each path its own way. */
class LinkCheckerTest {

    private HttpServer server;
    private final AtomicInteger heads = new AtomicInteger();
    private final LinkChecker checker = new LinkChecker(Duration.ofSeconds(2), Duration.ZERO);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", ex -> answer(ex, 200, null));
        server.createContext("/moved", ex -> answer(ex, 301, "/ok"));
        server.createContext("/temporary", ex -> answer(ex, 302, "/ok"));
        server.createContext("/gone", ex -> answer(ex, 404, null));
        server.createContext("/no-head", ex -> answer(ex, "HEAD".equals(ex.getRequestMethod()) ? 405 : 200, null));
        server.start();
    }

    private void answer(com.sun.net.httpserver.HttpExchange ex, int code, String location) throws IOException {
        if ("HEAD".equals(ex.getRequestMethod())) {
            heads.incrementAndGet();
        }
        if (location != null) {
            ex.getResponseHeaders().add("Location", location);
        }
        ex.sendResponseHeaders(code, -1);
        ex.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LinkChecker.Place place(String path) {
        return new LinkChecker.Place("q-" + path, new Question.Link(path, "http://127.0.0.1:"
                + server.getAddress().getPort() + "/" + path));
    }

    @Test
    void eachLinkIsClassifiedByWhatTheServerSays() {
        List<LinkChecker.Result> seen = new ArrayList<>();
        List<LinkChecker.Result> results = checker.check(
                List.of(place("ok"), place("moved"), place("temporary"), place("gone"), place("no-head")), seen::add);
        assertEquals(List.of(LinkChecker.Status.OK, LinkChecker.Status.MOVED, LinkChecker.Status.REDIRECTED,
                LinkChecker.Status.DEAD, LinkChecker.Status.OK), results.stream().map(LinkChecker.Result::status).toList());
        assertEquals("/ok", results.get(1).detail(), "the new address of a moved link is reported");
        assertEquals(404, results.get(3).code());
        assertEquals(results, seen, "each result is told as it comes");
        assertEquals(5, heads.get(), "a HEAD first; GET only where HEAD is refused");
        assertFalse(LinkChecker.offline(results));
    }

    @Test
    void noAnswerAtAllMeansOfflineNotDead() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LinkChecker.Place nowhere = new LinkChecker.Place("q", new Question.Link("x", "http://127.0.0.1:" + closedPort + "/"));
        List<LinkChecker.Result> results = checker.check(List.of(nowhere, nowhere), r -> { });
        assertEquals(LinkChecker.Status.UNREACHABLE, results.get(0).status());
        assertTrue(LinkChecker.offline(results));
    }
}
