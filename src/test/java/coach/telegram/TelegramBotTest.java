package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.Await;
import coach.Coach;
import coach.LiveBot;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real telegrambots client against the in-process fake Bot API: the private conversation end to end. */
class TelegramBotTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
    private static final long ANN = 100;

    @RegisterExtension
    final LiveBot live = LiveBot.on(CLOCK);

    @AfterEach
    void tokenStaysOut() {
        assertTrue(live.api().calls().stream().noneMatch(c -> c.body().toString().contains(FakeBotApi.TOKEN)),
                "the token is never in a call's body");
    }

    @Test
    void aRefusedTokenIsNotRepeatedInTheError() {
        String wrong = "999:wrong-secret-never-shown";
        TelegramBot.BotStartException e = org.junit.jupiter.api.Assertions.assertThrows(
                TelegramBot.BotStartException.class, () -> live.coach().connect(wrong));
        assertEquals("Telegram refused the token (401): check TELEGRAM_BOT_TOKEN against the one @BotFather gave you",
                e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains("wrong-secret"), t.toString());
        }
    }

    @Test
    void privateConversationFromStartToStats() {
        live.api().push(live.api().text(ANN, "/start"));
        live.api().await("sendMessage", c -> c.chatId() == ANN && c.text().contains("Interview Coach"));
        Call picker = live.api().await("sendMessage", c -> c.buttonData().contains("t:redis"));
        assertTrue(picker.text().contains("Choose topics"));

        live.api().push(live.api().press(ANN, 1, "t:redis"));
        Call edited = live.api().await("editMessageText", c -> c.chatId() == ANN);
        assertTrue(edited.body().toString().contains("▫️ Redis"), edited.body().toString());
        assertTrue(edited.body().toString().contains("✅ Python"), edited.body().toString());
        assertTrue(live.api().await("answerCallbackQuery", c -> true).body().path("text").asText().contains("Unsubscribed"));

        live.api().push(live.api().text(ANN, "/question"));
        Call question = live.api().await("sendMessage", c -> c.text().contains("difficulty"));
        assertTrue(question.text().contains("GIL") || question.text().contains("__new__"), question.text());

        boolean gil = question.text().contains("GIL");
        live.api().push(live.api().text(ANN, gil ? "GIL 是全局解释器锁，同一时刻只有一个线程能执行字节码。CPU 密集时用多进程。"
                : "__new__ 负责创建并返回实例"));
        Call feedback = live.api().await("sendMessage", c -> c.text().contains("/100"));
        assertTrue(feedback.text().contains(gil ? "72/100" : "57/100"), feedback.text());
        assertTrue(feedback.text().contains("Reference answer"), feedback.text());
        assertTrue(feedback.text().contains("href=\"https://docs.python.org/3/"), feedback.text());
        assertEquals("HTML", feedback.body().path("parse_mode").asText());
        String rate = feedback.buttonData().get(0);
        assertTrue(rate.startsWith("r:"), rate);

        live.api().push(live.api().press(ANN, 2, rate));
        Call saved = live.api().await("answerCallbackQuery", c -> c.body().path("text").asText().startsWith("Saved"));
        assertEquals("Saved: ✅ Knew it. This question comes back in 3 days (2026-11-26).",
                saved.body().path("text").asText());
        live.api().await("editMessageReplyMarkup", c -> c.buttonData().equals(List.of("q")));

        live.api().push(live.api().text(ANN, "/stats"));
        Call stats = live.api().await("sendMessage", c -> c.text().contains("streak"));
        assertTrue(stats.text().contains("Current streak: 1 day"), stats.text());
        assertTrue(stats.text().contains("Python: 1 answer,"), stats.text());
    }

    @Test
    void statsSendsTheProgressPictureAsAPhoto() throws Exception {
        live.api().push(live.api().text(ANN, "/question"));
        live.api().await("sendMessage", c -> c.text().contains("difficulty"));
        live.api().push(live.api().text(ANN, "GIL 全局解释器锁"));
        live.api().await("sendMessage", c -> c.text().contains("/100"));
        live.api().push(live.api().text(ANN, "/stats"));
        live.api().await("sendMessage", c -> c.text().contains("Streak freezes: 0 of 2"));
        Call photo = live.api().await("sendPhoto", c -> c.chatId() == ANN);
        assertTrue(photo.caption().contains("last 26 weeks"), photo.caption());
        assertEquals("HTML", photo.body().path("parse_mode").asText());
        assertEquals("stats.png", photo.body().path("photo").path("file_name").asText());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.photo()));
        assertEquals(ProgressPicture.WIDTH, image.getWidth());
        assertEquals(photo.photo().length, photo.body().path("photo").path("length").asInt());
        Await.until("the photo left the outbox",
                () -> live.coach().database().number("SELECT COUNT(*) FROM outbox") == 0);
    }

    @Test
    void aPhotoCaptionTelegramCannotParseIsResentAsPlainText() {
        live.api().inject(Fault.status("sendPhoto", 400, "Bad Request: can't parse entities: unexpected end tag"));
        live.api().push(live.api().text(ANN, "/question"));
        live.api().await("sendMessage", c -> c.text().contains("difficulty"));
        live.api().push(live.api().text(ANN, "an answer"));
        live.api().await("sendMessage", c -> c.text().contains("/100"));
        live.api().push(live.api().text(ANN, "/stats"));
        Call photo = live.api().await("sendPhoto", c -> c.chatId() == ANN);
        assertTrue(photo.caption().contains("last 26 weeks"), photo.caption());
        assertTrue(photo.photo().length > 1000, "the picture was sent again whole");
        assertEquals(0, live.api().faultsWaiting(), "every injected fault was served");
    }

    @Test
    void commandMenuIsPublishedInChineseAndEnglishForPrivateChatsAndGroups() {
        live.api().awaitCount("setMyCommands", c -> true, 6);
        Set<String> menus = live.api().calls("setMyCommands").stream()
                .map(c -> c.body().path("language_code").asText("default") + " "
                        + c.body().path("scope").path("type").asText("private"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("zh private", "en private", "default private", "zh all_group_chats",
                "en all_group_chats", "default all_group_chats"), menus);
        Call group = live.api().calls("setMyCommands").stream()
                .filter(c -> c.body().path("scope").path("type").asText().equals("all_group_chats")).findFirst().orElseThrow();
        assertTrue(group.body().toString().contains("\"battle\""), group.body().toString());
        assertTrue(live.api().calls("setMyCommands").stream()
                .filter(c -> c.body().path("scope").isMissingNode())
                .allMatch(c -> c.body().path("commands").toString().contains("\"command\":\"weekly\"")),
                "/weekly is in every private menu");
    }

    @Test
    void oddMessagesGetShortHelpfulReplies() {
        live.api().push(live.api().sticker(ANN));
        live.api().push(live.api().text(ANN, "/frobnicate"));
        live.api().push(live.api().text(ANN, "x".repeat(10_000)));
        live.api().push(live.api().text(ANN, "/time 25:99"));
        live.api().push(live.api().text(ANN, "/tz Mars/Base"));
        live.api().await("sendMessage", c -> c.text().contains("only read text"));
        live.api().await("sendMessage", c -> c.text().contains("no command /frobnicate"));
        live.api().await("sendMessage", c -> c.text().contains("no open question"));
        live.api().await("sendMessage", c -> c.text().contains("/time 08:30"));
        live.api().await("sendMessage", c -> c.text().contains("Did you mean"));
    }

    @Test
    void forgedButtonGetsAToastAndChangesNothing() {
        live.api().push(live.api().press(ANN, 5, "r:999:0"));
        live.api().push(live.api().press(ANN, 5, "t:no-such-topic"));
        live.api().push(live.api().press(ANN, 5, "\u0000garbage"));
        List<Call> toasts = live.api().awaitCount("answerCallbackQuery", c -> true, 3);
        assertTrue(toasts.stream().allMatch(c -> !c.body().path("text").asText().isEmpty()));
        assertEquals(0, live.api().calls("editMessageText").size());
    }

    @Test
    void updatesTheCoachDoesNotUseAreSkippedAndPollingGoesOn() {
        var edited = live.api().text(ANN, "/help");
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
        live.api().push(edited);
        live.api().push(reaction);
        live.api().push(left);
        live.api().push(live.api().text(ANN, "/stats"));
        live.api().await("sendMessage", c -> c.text().contains("No answers yet"));
        assertEquals(1, live.api().calls("sendMessage").size(), "only the last update needed an answer");
    }

    @Test
    void commandsForAnotherBotAreIgnoredAndOursAreAnswered() {
        live.api().push(live.api().text(ANN, "/help@some_other_bot"));
        live.api().push(live.api().text(ANN, "/help@" + FakeBotApi.BOT_USERNAME));
        live.api().await("sendMessage", c -> c.text().contains("Commands"));
        live.api().push(live.api().text(ANN, "/stats"));
        live.api().await("sendMessage", c -> c.text().contains("No answers yet"));
        assertEquals(1, live.api().calls("sendMessage").stream().filter(c -> c.text().contains("Commands")).count(),
                "only the command addressed to us was answered");
    }

    @Test
    void tooManyRequestsWaitsAndResendsTheSameMessage() {
        live.api().inject(Fault.tooManyRequests("sendMessage", 1));
        long pushed = System.currentTimeMillis();
        live.api().push(live.api().text(ANN, "/help"));
        Call help = live.api().await("sendMessage", c -> c.text().contains("Commands"));
        assertTrue(help.atMillis() - pushed >= 900, "resent after retry_after");
        assertEquals(1, live.api().sentTo(ANN).size());
        assertEquals(0, live.api().faultsWaiting(), "every injected fault was served");
    }

    @Test
    void serverErrorsAreRetriedAndNothingIsLost() {
        live.api().inject(Fault.status("sendMessage", 502, "Bad Gateway"));
        live.api().inject(Fault.garbage("sendMessage"));
        live.api().push(live.api().text(ANN, "/help"));
        live.api().await("sendMessage", c -> c.text().contains("Commands"));
        assertEquals(1, live.api().sentTo(ANN).size());
        assertEquals(0, live.api().faultsWaiting(), "every injected fault was served");
    }

    @Test
    void blockedUserIsMarkedInactiveAndStartReactivates() {
        live.api().push(live.api().text(ANN, "/help"));
        live.api().await("sendMessage", c -> c.text().contains("Commands"));
        live.api().inject(Fault.status("sendMessage", 403, "Forbidden: bot was blocked by the user"));
        live.api().push(live.api().text(ANN, "/stats"));
        Await.until("Ann is marked inactive", () -> !live.coach().users().find(ANN).orElseThrow().active());
        assertEquals(0, live.api().faultsWaiting(), "every injected fault was served");
        live.api().push(live.api().text(ANN, "/start"));
        live.api().await("sendMessage", c -> c.text().contains("Welcome back"));
        assertTrue(live.coach().users().find(ANN).orElseThrow().active());
    }

    @Test
    void getUpdatesFailuresAreSurvived() {
        live.api().inject(Fault.status("getUpdates", 502, "Bad Gateway"));
        live.api().inject(Fault.garbage("getUpdates"));
        Await.until("both failed polls were served", () -> live.api().faultsWaiting() == 0);
        live.api().push(live.api().text(ANN, "/help"));
        live.api().await("sendMessage", c -> c.text().contains("Commands"));
    }

    @Test
    void longRepliesAreSplitUnderTheLimit() {
        live.api().push(live.api().text(ANN, "/report " + "很长的反馈 ".repeat(900)));
        live.api().await("sendMessage", c -> c.chatId() == TestCoach.ADMIN);
        live.api().await("sendMessage", c -> c.chatId() == ANN && c.text().contains("Thank you"));
        assertTrue(live.api().calls("sendMessage").stream().allMatch(c -> c.text().length() <= 4096));
    }

    @Test
    void closesWithinFiveSecondsDuringALongPoll() throws Exception {
        live.api().awaitFirstPoll(Await.PATIENCE);
        live.api().holdPollsFor(Duration.ofSeconds(60));
        Await.until("a poll held for a long time", () -> live.api().pollHeldFor(Duration.ofSeconds(10)));
        long started = System.nanoTime();
        live.online().close();
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
