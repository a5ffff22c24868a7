package coach.bench;

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
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-process Bot API server on 127.0.0.1 speaking Telegram's JSON and reading photo uploads: it queues updates
 * for getUpdates with real offset semantics, answers sends with Messages, records every call, and can inject faults.
 * Used by the tests and by {@code coach bench}; it only ever listens on the loopback address.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final String TOKEN = "123456:TEST-token-never-real-abcdefghijklmno";
    public static final String BOT_USERNAME = "coach_test_bot";

    static {
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle's algorithm
        // and the client's delayed ACK hold every body back about 40 ms, and the fake would be what is measured.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32, r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final List<ObjectNode> updates = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1);
    private final AtomicInteger nextMessageId = new AtomicInteger(1000);
    private final AtomicInteger nextCallbackId = new AtomicInteger(1);
    private final Deque<Long> recentSends = new java.util.ArrayDeque<>();
    private final AtomicInteger refusedForRate = new AtomicInteger();
    private final Map<Long, String> chatTypes = new ConcurrentHashMap<>();
    private final Set<String> admins = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Object outageLock = new Object();
    private final List<Outage> outages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long stallMillis = 35_000;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final CountDownLatch firstPoll = new CountDownLatch(1);
    private volatile long firstPollNanos;
    private volatile int sendsPerSecond;
    private volatile long maxHoldMillis = 1000;
    private long waitingPollHoldMillis;
    private volatile long sendDelayMillis;

    /** One request the server received: the method (lower case), its JSON body, and the message id it answered. */
    public record Call(String method, JsonNode body, long atMillis, int messageId) {
        public long chatId() {
            return body.path("chat_id").asLong();
        }

        public String text() {
            return body.path("text").asText("");
        }

        public String caption() {
            return body.path("caption").asText("");
        }

        /** The bytes of an uploaded photo, empty when the call carried none. */
        public byte[] photo() {
            return Base64.getDecoder().decode(body.path("photo").path("data").asText(""));
        }

        public List<String> buttonData() {
            List<String> data = new ArrayList<>();
            body.path("reply_markup").path("inline_keyboard")
                    .forEach(row -> row.forEach(b -> data.add(b.path("callback_data").asText())));
            return data;
        }
    }

    /** A fault for the next matching call: an HTTP status and body, or a stall before answering. */
    public record Fault(String method, int status, String body, long stallMillis, Long chatId) {
        public Fault(String method, int status, String body, long stallMillis) {
            this(method, status, body, stallMillis, null);
        }

        /** The same fault, only for calls into one chat. */
        public Fault forChat(long chat) {
            return new Fault(method, status, body, stallMillis, chat);
        }

        public static Fault status(String method, int status, String description) {
            return new Fault(method, status, "{\"ok\":false,\"error_code\":" + status + ",\"description\":\""
                    + description + "\"}", 0);
        }

        public static Fault tooManyRequests(String method, int retryAfter) {
            return new Fault(method, 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after "
                    + retryAfter + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}", 0);
        }

        public static Fault garbage(String method) {
            return new Fault(method, 200, "<html>502 Bad Gateway</html>", 0);
        }
    }

    /** How a call fails while the server is in an outage. */
    public enum Trouble {
        /** 502 Bad Gateway. */
        SERVER_ERROR,
        /** The connection closes without an answer. */
        RESET,
        /** No answer until the client gives up (see {@link #stallTroubleFor}), or until the outage ends. */
        TIMEOUT,
        /** A 200 answer that is not the Bot API's JSON. */
        GARBAGE,
        /** 429 with {@code retry_after} 1. */
        TOO_MANY_REQUESTS
    }

    /** Which calls an outage hits: getUpdates, every other call, or both. */
    public enum Scope { POLLS, SENDS, ALL }

    private record Outage(long untilNanos, Scope scope, List<Trouble> troubles, AtomicInteger next) {
        boolean hits(String method) {
            boolean poll = method.equals("getupdates");
            return System.nanoTime() < untilNanos
                    && (scope == Scope.ALL || (scope == Scope.POLLS) == poll);
        }

        Trouble trouble() {
            return troubles.get(Math.floorMod(next.getAndIncrement(), troubles.size()));
        }
    }

    public FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How long getUpdates waits for new updates before answering an empty list. */
    public void holdPollsFor(Duration hold) {
        maxHoldMillis = hold.toMillis();
    }

    /** Whether a getUpdates is waiting now with a hold of at least this long (see {@link #holdPollsFor}). */
    public synchronized boolean pollHeldFor(Duration atLeast) {
        return waitingPollHoldMillis >= atLeast.toMillis();
    }

    /** Adds a delay before every send is answered. */
    public void delaySends(Duration delay) {
        sendDelayMillis = delay.toMillis();
    }

    /** Answers 429 (retry after 1 s) to any send beyond this many within the last second, as Telegram does. */
    public void limitSendsPerSecond(int limit) {
        sendsPerSecond = limit;
    }

    /** Sends refused by {@link #limitSendsPerSecond}. */
    public int refusedForRate() {
        return refusedForRate.get();
    }

    public void inject(Fault fault) {
        faults.add(fault);
    }

    /** Injected faults not yet served: 0 once every fault reached the coach. */
    public int faultsWaiting() {
        return faults.size();
    }

    /**
     * From now and for the given period, fails every call in the scope with the troubles in turn; then that part
     * of the server heals. Outages may overlap.
     */
    public void outage(Duration period, Scope scope, Trouble... troubles) {
        outages.add(new Outage(System.nanoTime() + period.toNanos(), scope, List.of(troubles), new AtomicInteger()));
    }

    /** Ends every outage now; calls stalled by one are cut off. */
    public void heal() {
        synchronized (outageLock) {
            outages.clear();
            outageLock.notifyAll();
        }
    }

    /** How long a {@link Trouble#TIMEOUT} holds a call; make it longer than the client's read timeout. */
    public void stallTroubleFor(Duration stall) {
        stallMillis = stall.toMillis();
    }

    /** Requests of a method the server received, answered or failed. */
    public int requests(String method) {
        return requests.getOrDefault(method.toLowerCase(Locale.ROOT), new AtomicInteger()).get();
    }

    // ---- updates ------------------------------------------------------------------------------------------

    public synchronized int push(ObjectNode update) {
        int id = nextUpdateId.getAndIncrement();
        update.put("update_id", id);
        updates.add(update);
        notifyAll();
        return id;
    }

    public ObjectNode text(long userId, String text) {
        ObjectNode update = json.createObjectNode();
        ObjectNode message = update.putObject("message");
        message.put("message_id", nextMessageId.getAndIncrement());
        message.put("date", nowSeconds());
        message.set("from", user(userId));
        message.putObject("chat").put("id", userId).put("type", "private").put("first_name", "User" + userId);
        message.put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        return update;
    }

    /** A text message from a member of a supergroup. */
    public ObjectNode groupText(long chatId, long userId, String text) {
        chatTypes.putIfAbsent(chatId, "supergroup");
        ObjectNode update = text(userId, text);
        ((ObjectNode) update.get("message")).putObject("chat").put("id", chatId).put("type", chatTypes.get(chatId))
                .put("title", "Group " + chatId);
        return update;
    }

    /** A post in a channel: no sender, signed by the channel itself. */
    public ObjectNode channelPost(long chatId, String text) {
        chatTypes.put(chatId, "channel");
        ObjectNode update = text(chatId, text);
        ObjectNode post = (ObjectNode) update.remove("message");
        post.remove("from");
        post.putObject("chat").put("id", chatId).put("type", "channel").put("title", "Channel " + chatId);
        post.putObject("sender_chat").put("id", chatId).put("type", "channel").put("title", "Channel " + chatId);
        update.set("channel_post", post);
        return update;
    }

    /** Makes the user an administrator of the chat, as getChatMember will report. */
    public void makeAdmin(long chatId, long userId) {
        admins.add(chatId + ":" + userId);
    }

    public ObjectNode sticker(long userId) {
        ObjectNode update = text(userId, "x");
        ObjectNode message = (ObjectNode) update.get("message");
        message.remove("text");
        message.putObject("sticker").put("file_id", "s1").put("file_unique_id", "u1").put("type", "regular")
                .put("width", 512).put("height", 512).put("is_animated", false).put("is_video", false);
        return update;
    }

    public ObjectNode press(long userId, long messageId, String data) {
        ObjectNode update = json.createObjectNode();
        ObjectNode query = update.putObject("callback_query");
        query.put("id", "cb" + nextCallbackId.getAndIncrement());
        query.set("from", user(userId));
        query.put("chat_instance", "ci" + userId);
        query.put("data", data);
        ObjectNode message = query.putObject("message");
        message.put("message_id", messageId).put("date", nowSeconds());
        message.putObject("chat").put("id", userId).put("type", "private");
        message.put("text", "…");
        return update;
    }

    /** A press on a button of the coach's message in a group or channel. */
    public ObjectNode pressIn(long chatId, long userId, long messageId, String data) {
        ObjectNode update = press(userId, messageId, data);
        ((ObjectNode) update.get("callback_query").get("message")).putObject("chat").put("id", chatId)
                .put("type", chatTypes.getOrDefault(chatId, "supergroup"));
        return update;
    }

    private ObjectNode user(long userId) {
        return json.createObjectNode().put("id", userId).put("is_bot", false).put("first_name", "User" + userId)
                .put("language_code", "en");
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    // ---- calls --------------------------------------------------------------------------------------------

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(c -> c.method().equals(m)).toList();
    }

    public List<Call> sentTo(long chatId) {
        return calls("sendMessage").stream().filter(c -> c.chatId() == chatId).toList();
    }

    /** Waits until a call of the method matches, and returns the first match. */
    public Call await(String method, Predicate<Call> match) {
        return awaitCount(method, match, 1).get(0);
    }

    /** Waits until at least {@code count} calls of the method match, within 15 seconds. */
    public synchronized List<Call> awaitCount(String method, Predicate<Call> match, int count) {
        long deadline = System.currentTimeMillis() + 15_000;
        String m = method.toLowerCase(Locale.ROOT);
        while (true) {
            List<Call> found = calls.stream().filter(c -> c.method().equals(m) && match.test(c)).toList();
            if (found.size() >= count) {
                return found;
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " " + method + " call(s) matching, saw " + found.size()
                        + "; all calls: " + calls.stream().map(c -> c.method() + " " + c.body()).toList());
            }
            try {
                wait(Math.min(left, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** How many calls of the method were answered, without copying the record. */
    public int count(String method) {
        AtomicInteger n = counts.get(method.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    /** The {@link System#nanoTime} at which the first getUpdates arrived, waiting for it up to the timeout. */
    public long awaitFirstPoll(Duration timeout) throws InterruptedException {
        if (!firstPoll.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no getUpdates within " + timeout);
        }
        return firstPollNanos;
    }

    /** Updates not yet confirmed by a getUpdates offset. */
    public synchronized int unconfirmed() {
        return updates.size();
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            if (path.length < 3 || !path[1].equals("bot" + TOKEN)) {
                respond(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path[2].toLowerCase(Locale.ROOT);
            if (method.equals("getupdates") && firstPoll.getCount() > 0) {
                firstPollNanos = arrived;
                firstPoll.countDown();
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            requests.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
            Outage current = outages.stream().filter(o -> o.hits(method)).findFirst().orElse(null);
            if (current != null) {
                fail(exchange, current, current.trouble(), method);
                return;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            JsonNode body = raw.length == 0 ? json.createObjectNode()
                    : MultipartForm.matches(type) ? MultipartForm.parse(raw, type, json) : json.readTree(raw);
            Fault fault = method.startsWith("send") && overRate(arrived) ? Fault.tooManyRequests(method, 1)
                    : takeFault(method, body);
            if (fault != null) {
                stall(fault.stallMillis());
                respond(exchange, fault.status(), fault.body());
                return;
            }
            if (!method.equals("getupdates")) {
                stall(method.startsWith("send") || method.startsWith("edit") ? sendDelayMillis : 0);
            }
            JsonNode result = answer(method, body);
            if (!method.equals("getupdates")) {
                record(method, body, result == null ? 0 : result.path("message_id").asInt(0));
            }
            if (result == null) {
                respond(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
                return;
            }
            ObjectNode envelope = json.createObjectNode().put("ok", true);
            envelope.set("result", result);
            respond(exchange, 200, json.writeValueAsString(envelope));
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"ok\":false,\"error_code\":500,\"description\":\"" + e + "\"}");
        }
    }

    private void fail(HttpExchange exchange, Outage current, Trouble trouble, String method) throws IOException {
        switch (trouble) {
            case SERVER_ERROR -> respond(exchange, 502, Fault.status(method, 502, "Bad Gateway").body());
            case GARBAGE -> respond(exchange, 200, Fault.garbage(method).body());
            case TOO_MANY_REQUESTS -> respond(exchange, 429, Fault.tooManyRequests(method, 1).body());
            case TIMEOUT -> stallDuring(current);
            case RESET -> {
                // closing the exchange without sending headers closes the connection: the client reads nothing
            }
        }
    }

    private void stallDuring(Outage current) {
        long deadline = System.currentTimeMillis()
                + Math.min(stallMillis, Math.max(0, (current.untilNanos() - System.nanoTime()) / 1_000_000));
        synchronized (outageLock) {
            long left;
            while (outages.contains(current) && (left = deadline - System.currentTimeMillis()) > 0) {
                try {
                    outageLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean overRate(long now) {
        if (sendsPerSecond <= 0) {
            return false;
        }
        synchronized (recentSends) {
            while (!recentSends.isEmpty() && now - recentSends.peekFirst() >= 1_000_000_000L) {
                recentSends.pollFirst();
            }
            if (recentSends.size() >= sendsPerSecond) {
                refusedForRate.incrementAndGet();
                return true;
            }
            recentSends.addLast(now);
            return false;
        }
    }

    private Fault takeFault(String method, JsonNode body) {
        for (Fault f : faults) {
            boolean chatMatches = f.chatId() == null || f.chatId() == body.path("chat_id").asLong();
            if (f.method().equalsIgnoreCase(method) && chatMatches && faults.remove(f)) {
                return f;
            }
        }
        return null;
    }

    private synchronized void record(String method, JsonNode body, int messageId) {
        calls.add(new Call(method, body, System.currentTimeMillis(), messageId));
        counts.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        notifyAll();
    }

    private JsonNode answer(String method, JsonNode body) {
        return switch (method) {
            case "getme" -> json.createObjectNode().put("id", 42).put("is_bot", true).put("first_name", "Coach")
                    .put("username", BOT_USERNAME);
            case "deletewebhook", "setmycommands", "answercallbackquery", "sendchataction" ->
                    json.getNodeFactory().booleanNode(true);
            case "getupdates" -> updates(body);
            case "sendmessage", "editmessagetext", "editmessagereplymarkup" -> message(body);
            case "getchatmember" -> member(body);
            case "sendphoto" -> photoMessage(body);
            default -> null;
        };
    }

    private JsonNode message(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        ObjectNode message = json.createObjectNode();
        message.put("message_id", body.has("message_id") ? body.get("message_id").asInt() : nextMessageId.getAndIncrement());
        message.put("date", nowSeconds());
        message.putObject("chat").put("id", chatId)
                .put("type", chatId > 0 ? "private" : chatTypes.getOrDefault(chatId, "supergroup"));
        if (body.has("text")) {
            message.put("text", body.get("text").asText());
        }
        return message;
    }

    private JsonNode member(JsonNode body) {
        long userId = body.path("user_id").asLong();
        ObjectNode member = json.createObjectNode();
        member.set("user", user(userId));
        if (admins.contains(body.path("chat_id").asLong() + ":" + userId)) {
            member.put("status", "administrator").put("can_be_edited", false).put("is_anonymous", false)
                    .put("can_manage_chat", true).put("can_delete_messages", true).put("can_manage_video_chats", true)
                    .put("can_restrict_members", true).put("can_promote_members", false).put("can_change_info", true)
                    .put("can_invite_users", true).put("can_post_stories", false).put("can_edit_stories", false)
                    .put("can_delete_stories", false);
        } else {
            member.put("status", "member");
        }
        return member;
    }

    private JsonNode photoMessage(JsonNode body) {
        ObjectNode message = (ObjectNode) message(body);
        byte[] png = Base64.getDecoder().decode(body.path("photo").path("data").asText(""));
        boolean isPng = png.length >= 24 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G';
        message.putArray("photo").addObject()
                .put("file_id", "photo" + message.get("message_id").asInt())
                .put("file_unique_id", "u" + message.get("message_id").asInt())
                .put("width", isPng ? bigEndianInt(png, 16) : 0)
                .put("height", isPng ? bigEndianInt(png, 20) : 0)
                .put("file_size", png.length);
        if (body.has("caption")) {
            message.put("caption", body.get("caption").asText());
        }
        return message;
    }

    private static int bigEndianInt(byte[] bytes, int at) {
        return ByteBuffer.wrap(bytes, at, 4).getInt();
    }

    private synchronized ArrayNode updates(JsonNode body) {
        int offset = body.path("offset").asInt(0);
        int limit = body.path("limit").asInt(100);
        long hold = Math.min(maxHoldMillis, body.path("timeout").asLong(0) * 1000);
        updates.removeIf(u -> u.get("update_id").asInt() < offset);
        long deadline = System.currentTimeMillis() + hold;
        waitingPollHoldMillis = hold;
        while (updates.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                wait(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            updates.removeIf(u -> u.get("update_id").asInt() < offset);
        }
        waitingPollHoldMillis = 0;
        ArrayNode result = json.createArrayNode();
        updates.stream().limit(limit).forEach(result::add);
        return result;
    }

    private static void stall(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
