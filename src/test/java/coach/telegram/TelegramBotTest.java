package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.Coach;
import coach.TestCoach;
import coach.bench.FakeBotApi.Call;
import coach.bench.FakeBotApi.Fault;
import coach.bench.FakeBotApi;
import coach.progress.ProgressPicture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real telegrambots client against the in-process fake Bot API: the private conversation end to end. */
class TelegramBotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final long ANN = 100;

    @TempDir
    java.nio.file.Path dir;

    private FakeBotApi api;
    private Coach coach;
    private Coach.Online bot;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        coach = TestCoach.assemble(dir, TestCoach.config(api.url()), CLOCK);
        bot = coach.connect(FakeBotApi.TOKEN);
    }

    @AfterEach
    void stop() {
        bot.close();
        coach.close();
        api.close();
        assertTrue(api.calls().stream().noneMatch(c -> c.body().toString().contains(FakeBotApi.TOKEN)),
                "the token is never in a call's body");
    }

    @Test
    void aRefusedTokenIsNotRepeatedInTheError() {
        String wrong = "999:wrong-secret-never-shown";
        TelegramBot.BotStartException e = org.junit.jupiter.api.Assertions.assertThrows(
                TelegramBot.BotStartException.class, () -> coach.connect(wrong));
        assertEquals("Telegram refused the token (401): check TELEGRAM_BOT_TOKEN against the one @BotFather gave you",
                e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("wrong-secret"), t.toString());
        }
    }

    @Test
    void privateConversationFromStartToStats() {
        api.push(api.text(ANN, "/start"));
        api.await("sendMessage", c -> c.chatId() == ANN && c.text().contains("Interview Coach"));
        Call picker = api.await("sendMessage", c -> c.buttonData().contains("t:redis"));
        assertTrue(picker.text().contains("Choose topics"));

        api.push(api.press(ANN, 1, "t:redis"));
        Call edited = api.await("editMessageText", c -> c.chatId() == ANN);
        assertTrue(edited.body().toString().contains("▫️ Redis"), edited.body().toString());
        assertTrue(edited.body().toString().contains("✅ Python"), edited.body().toString());
        assertTrue(api.await("answerCallbackQuery", c -> true).body().path("text").asText().contains("Unsubscribed"));

        api.push(api.text(ANN, "/question"));
        Call question = api.await("sendMessage", c -> c.text().contains("difficulty"));
        assertTrue(question.text().contains("GIL") || question.text().contains("__new__"), question.text());

        boolean gil = question.text().contains("GIL");
        api.push(api.text(ANN, gil ? "GIL 是全局解释器锁，同一时刻只有一个线程能执行字节码。CPU 密集时用多进程。"
                : "__new__ 负责创建并返回实例"));
        Call feedback = api.await("sendMessage", c -> c.text().contains("/100"));
        assertTrue(feedback.text().contains(gil ? "72/100" : "57/100"), feedback.text());
        assertTrue(feedback.text().contains("Reference answer"), feedback.text());
        assertTrue(feedback.text().contains("href=\"https://docs.python.org/3/"), feedback.text());
        assertEquals("HTML", feedback.body().path("parse_mode").asText());
        String rate = feedback.buttonData().get(0);
        assertTrue(rate.startsWith("r:"), rate);

        api.push(api.press(ANN, 2, rate));
        Call saved = api.await("answerCallbackQuery", c -> c.body().path("text").asText().startsWith("Saved"));
        assertEquals("Saved: ✅ Knew it. This question comes back in 3 days (2026-11-26).",
                saved.body().path("text").asText());
        api.await("editMessageReplyMarkup", c -> c.buttonData().equals(List.of("q")));

        api.push(api.text(ANN, "/stats"));
        Call stats = api.await("sendMessage", c -> c.text().contains("streak"));
        assertTrue(stats.text().contains("Current streak: 1 day"), stats.text());
        assertTrue(stats.text().contains("Python: 1 answer,"), stats.text());
    }

    @Test
    void statsSendsTheProgressPictureAsAPhoto() throws Exception {
        api.push(api.text(ANN, "/question"));
        api.await("sendMessage", c -> c.text().contains("difficulty"));
        api.push(api.text(ANN, "GIL 全局解释器锁"));
        api.await("sendMessage", c -> c.text().contains("/100"));
        api.push(api.text(ANN, "/stats"));
        api.await("sendMessage", c -> c.text().contains("Streak freezes: 0 of 2"));
        Call photo = api.await("sendPhoto", c -> c.chatId() == ANN);
        assertTrue(photo.caption().contains("last 26 weeks"), photo.caption());
        assertEquals("HTML", photo.body().path("parse_mode").asText());
        assertEquals("stats.png", photo.body().path("photo").path("file_name").asText());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.photo()));
        assertEquals(ProgressPicture.WIDTH, image.getWidth());
        assertEquals(photo.photo().length, photo.body().path("photo").path("length").asInt());
        assertEquals(0, coach.database().number("SELECT COUNT(*) FROM outbox"), "the photo left the outbox");
    }

    @Test
    void aPhotoCaptionTelegramCannotParseIsResentAsPlainText() {
        api.inject(Fault.status("sendPhoto", 400, "Bad Request: can't parse entities: unexpected end tag"));
        api.push(api.text(ANN, "/question"));
        api.await("sendMessage", c -> c.text().contains("difficulty"));
        api.push(api.text(ANN, "an answer"));
        api.await("sendMessage", c -> c.text().contains("/100"));
        api.push(api.text(ANN, "/stats"));
        Call photo = api.await("sendPhoto", c -> c.chatId() == ANN);
        assertTrue(photo.caption().contains("last 26 weeks"), photo.caption());
        assertTrue(photo.photo().length > 1000, "the picture was sent again whole");
        assertEquals(0, api.faultsWaiting(), "every injected fault was served");
    }

    @Test
    void commandMenuIsPublishedInChineseAndEnglishForPrivateChatsAndGroups() {
        api.awaitCount("setMyCommands", c -> true, 6);
        Set<String> menus = api.calls("setMyCommands").stream()
                .map(c -> c.body().path("language_code").asText("default") + " "
                        + c.body().path("scope").path("type").asText("private"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("zh private", "en private", "default private", "zh all_group_chats",
                "en all_group_chats", "default all_group_chats"), menus);
        Call group = api.calls("setMyCommands").stream()
                .filter(c -> c.body().path("scope").path("type").asText().equals("all_group_chats")).findFirst().orElseThrow();
        assertTrue(group.body().toString().contains("\"battle\""), group.body().toString());
        assertTrue(api.calls("setMyCommands").stream()
                .filter(c -> c.body().path("scope").isMissingNode())
                .allMatch(c -> c.body().path("commands").toString().contains("\"command\":\"weekly\"")),
                "/weekly is in every private menu");
    }

    @Test
    void oddMessagesGetShortHelpfulReplies() {
        api.push(api.sticker(ANN));
        api.push(api.text(ANN, "/frobnicate"));
        api.push(api.text(ANN, "x".repeat(10_000)));
        api.push(api.text(ANN, "/time 25:99"));
        api.push(api.text(ANN, "/tz Mars/Base"));
        api.await("sendMessage", c -> c.text().contains("only read text"));
        api.await("sendMessage", c -> c.text().contains("no command /frobnicate"));
        api.await("sendMessage", c -> c.text().contains("no open question"));
        api.await("sendMessage", c -> c.text().contains("/time 08:30"));
        api.await("sendMessage", c -> c.text().contains("Did you mean"));
    }

    @Test
    void forgedButtonGetsAToastAndChangesNothing() {
        api.push(api.press(ANN, 5, "r:999:0"));
        api.push(api.press(ANN, 5, "t:no-such-topic"));
        api.push(api.press(ANN, 5, "\u0000garbage"));
        List<Call> toasts = api.awaitCount("answerCallbackQuery", c -> true, 3);
        assertTrue(toasts.stream().allMatch(c -> !c.body().path("text").asText().isEmpty()));
        assertEquals(0, api.calls("editMessageText").size());
    }

    @Test
    void updatesTheCoachDoesNotUseAreSkippedAndPollingGoesOn() {
        var edited = api.text(ANN, "/help");
        edited.set("edited_message", edited.remove("message"));
        var reaction = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        reaction.putObject("message_reaction").putObject("chat").put("id", ANN).put("type", "private");
        var left = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        var member = left.putObject("my_chat_member").put("date", 1);
        member.putObject("chat").put("id", -100_5).put("type", "supergroup").put("title", "Gone");
        member.putObject("from").put("id", ANN).put("is_bot", false).put("first_name", "Ann");
        member.putObject("old_chat_member").put("status", "member")
                .putObject("user").put("id", 42).put("is_bot", true).put("first_name", "Coach");
        member.putObject("new_chat_member").put("status", "left")
                .putObject("user").put("id", 42).put("is_bot", true).put("first_name", "Coach");
        api.push(edited);
        api.push(reaction);
        api.push(left);
        api.push(api.text(ANN, "/stats"));
        api.await("sendMessage", c -> c.text().contains("No answers yet"));
        assertEquals(1, api.calls("sendMessage").size(), "only the last update needed an answer");
    }

    @Test
    void commandsForAnotherBotAreIgnoredAndOursAreAnswered() {
        api.push(api.text(ANN, "/help@some_other_bot"));
        api.push(api.text(ANN, "/help@" + FakeBotApi.BOT_USERNAME));
        api.await("sendMessage", c -> c.text().contains("Commands"));
        api.push(api.text(ANN, "/stats"));
        api.await("sendMessage", c -> c.text().contains("No answers yet"));
        assertEquals(1, api.calls("sendMessage").stream().filter(c -> c.text().contains("Commands")).count(),
                "only the command addressed to us was answered");
    }

    @Test
    void tooManyRequestsWaitsAndResendsTheSameMessage() {
        api.inject(Fault.tooManyRequests("sendMessage", 1));
        long pushed = System.currentTimeMillis();
        api.push(api.text(ANN, "/help"));
        Call help = api.await("sendMessage", c -> c.text().contains("Commands"));
        assertTrue(help.atMillis() - pushed >= 900, "resent after retry_after");
        assertEquals(1, api.sentTo(ANN).size());
        assertEquals(0, api.faultsWaiting(), "every injected fault was served");
    }

    @Test
    void serverErrorsAreRetriedAndNothingIsLost() {
        api.inject(Fault.status("sendMessage", 502, "Bad Gateway"));
        api.inject(Fault.garbage("sendMessage"));
        api.push(api.text(ANN, "/help"));
        api.await("sendMessage", c -> c.text().contains("Commands"));
        assertEquals(1, api.sentTo(ANN).size());
        assertEquals(0, api.faultsWaiting(), "every injected fault was served");
    }

    @Test
    void blockedUserIsMarkedInactiveAndStartReactivates() {
        api.push(api.text(ANN, "/help"));
        api.await("sendMessage", c -> c.text().contains("Commands"));
        api.inject(Fault.status("sendMessage", 403, "Forbidden: bot was blocked by the user"));
        api.push(api.text(ANN, "/stats"));
        Await.until("Ann is marked inactive", () -> !coach.users().find(ANN).orElseThrow().active());
        assertEquals(0, api.faultsWaiting(), "every injected fault was served");
        api.push(api.text(ANN, "/start"));
        api.await("sendMessage", c -> c.text().contains("Welcome back"));
        assertTrue(coach.users().find(ANN).orElseThrow().active());
    }

    @Test
    void getUpdatesFailuresAreSurvived() {
        api.inject(Fault.status("getUpdates", 502, "Bad Gateway"));
        api.inject(Fault.garbage("getUpdates"));
        api.push(api.text(ANN, "/help"));
        api.await("sendMessage", c -> c.text().contains("Commands"));
        assertEquals(0, api.faultsWaiting(), "every injected fault was served");
    }

    @Test
    void longRepliesAreSplitUnderTheLimit() {
        api.push(api.text(ANN, "/report " + "很长的反馈 ".repeat(900)));
        api.await("sendMessage", c -> c.chatId() == TestCoach.ADMIN);
        api.await("sendMessage", c -> c.chatId() == ANN && c.text().contains("Thank you"));
        assertTrue(api.calls("sendMessage").stream().allMatch(c -> c.text().length() <= 4096));
    }

    @Test
    void closesWithinFiveSecondsDuringALongPoll() throws Exception {
        api.awaitFirstPoll(Await.PATIENCE);
        int polls = api.requests("getUpdates");
        api.holdPollsFor(Duration.ofSeconds(60));
        Await.until("a poll asked after the hold began", () -> api.requests("getUpdates") > polls);
        long started = System.nanoTime();
        bot.close();
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5000, "closed in " + millis + " ms");
        Await.until("every coach thread ended", Duration.ofSeconds(2), () -> coachThreads().isEmpty());
    }

    private static Set<String> coachThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("coach-")).collect(Collectors.toSet());
    }

}
