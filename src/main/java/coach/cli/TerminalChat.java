package coach.cli;

import coach.chat.Engine;
import coach.chat.Html;
import coach.chat.Incoming;
import coach.chat.Reply;
import coach.chat.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The coach in a terminal: each line typed is a message; buttons are shown numbered, and typing a number presses one
 * of the latest message's buttons (a newer message without buttons leaves nothing to press). A picture is saved as a PNG file in a folder and its path is shown.
 * Replies that come on their own, such as a grade from the model, are shown as they arrive, after the reply being
 * shown.
 */
final class TerminalChat {

    static final long USER_ID = 1;

    private final Engine engine;
    private final String language;
    private final Texts texts = new Texts();
    private final BufferedReader in;
    private final PrintWriter out;
    private final Path pictures;
    private final List<Reply.Button> buttons = new ArrayList<>();
    private int lastMessageId;
    private int presses;
    private final ExecutorService arrivals = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "terminal-arrivals");
        t.setDaemon(true);
        return t;
    });

    TerminalChat(Engine engine, String language, BufferedReader in, PrintWriter out, Path pictures) {
        this.engine = engine;
        this.language = language;
        this.in = in;
        this.out = out;
        this.pictures = pictures;
    }

    /**
     * The language of the terminal's locale, as the shell says it: the first of {@code LC_ALL}, {@code LC_MESSAGES}
     * and {@code LANG} that is set; Chinese for {@code zh*}, English otherwise (also when none is set).
     */
    static String language(Map<String, String> environment) {
        return Stream.of("LC_ALL", "LC_MESSAGES", "LANG").map(environment::get)
                .filter(v -> v != null && !v.isBlank()).findFirst()
                .map(v -> v.toLowerCase(Locale.ROOT).startsWith("zh") ? Texts.ZH : Texts.EN).orElse(Texts.EN);
    }

    void run() throws IOException {
        out.println(texts.get(language, "terminal.banner"));
        out.flush();
        String line;
        while ((line = prompt()) != null) {
            String text = line.strip();
            if (text.equals("/quit") || text.equals("/exit")) {
                break;
            }
            if (text.isEmpty()) {
                continue;
            }
            synchronized (this) {
                show(engine.handle(toIncoming(text)));
            }
        }
        arrivals.shutdownNow();
        out.println(texts.get(language, "terminal.bye"));
        out.flush();
    }

    /**
     * Replies that answer nothing typed just now; they are printed on another thread, once the reply being shown is
     * out, followed by the prompt again. Safe to call inside a transaction.
     */
    void arrived(List<Reply> replies) {
        arrivals.execute(() -> {
            synchronized (this) {
                show(replies);
                out.print("> ");
                out.flush();
            }
        });
    }

    private String prompt() throws IOException {
        out.print("> ");
        out.flush();
        return in.readLine();
    }

    private Incoming toIncoming(String text) {
        if (text.matches("\\d{1,2}")) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= buttons.size()) {
                return new Incoming(Incoming.Kind.CALLBACK, USER_ID, Incoming.ChatType.PRIVATE, USER_ID, "", language, "",
                        lastMessageId, "press-" + (++presses), buttons.get(n - 1).data());
            }
        }
        return new Incoming(Incoming.Kind.TEXT, USER_ID, Incoming.ChatType.PRIVATE, USER_ID, "", language, text,
                0, null, null);
    }

    private void show(List<Reply> replies) {
        for (Reply reply : replies) {
            if (reply instanceof Reply.Send s) {
                lastMessageId++;
                buttons.clear();
                print(s.html(), s.buttons());
            } else if (reply instanceof Reply.Photo p) {
                lastMessageId++;
                buttons.clear();
                picture(p);
            } else if (reply instanceof Reply.Edit e) {
                print(e.html(), e.messageId() == lastMessageId ? e.buttons() : List.of());
            } else if (reply instanceof Reply.Markup m && m.messageId() == lastMessageId) {
                numberButtons(m.buttons());
            } else if (reply instanceof Reply.Toast t && !t.text().isEmpty()) {
                out.println("  (" + t.text() + ")");
            }
        }
        out.flush();
    }

    private void print(String html, List<List<Reply.Button>> rows) {
        out.println();
        out.println(Html.toPlain(html));
        if (!rows.isEmpty()) {
            numberButtons(rows);
        }
    }

    private void picture(Reply.Photo photo) {
        out.println();
        if (!photo.caption().isEmpty()) {
            out.println(Html.toPlain(photo.caption()));
        }
        byte[] png = photo.png();
        try {
            Path file = Files.write(Files.createDirectories(pictures).resolve("stats.png"), png);
            out.println("[picture: " + file + ", " + png.length + " bytes]");
        } catch (IOException e) {
            out.println("[picture: " + png.length + " bytes, not saved: " + e.getMessage() + "]");
        }
    }

    private void numberButtons(List<List<Reply.Button>> rows) {
        buttons.clear();
        rows.forEach(buttons::addAll);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < buttons.size(); i++) {
            line.append(i == 0 ? "" : "  ").append('[').append(i + 1).append("] ").append(buttons.get(i).label());
        }
        out.println(line);
    }
}
