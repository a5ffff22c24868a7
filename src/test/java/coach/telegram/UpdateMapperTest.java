package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.chat.Incoming;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class UpdateMapperTest {

    private final UpdateMapper mapper = new UpdateMapper("Coach_Bot");

    @Test
    void commandsForUsKeepTheirArguments() {
        assertEquals(Optional.of("/time 08:30"), mapper.addressedToUs("/time@coach_bot 08:30"));
        assertEquals(Optional.of("/help"), mapper.addressedToUs("/help@Coach_Bot"));
        assertEquals(Optional.of("/help"), mapper.addressedToUs("/help"));
    }

    @Test
    void commandsForOtherBotsAreDropped() {
        assertEquals(Optional.empty(), mapper.addressedToUs("/start@other_bot"));
    }

    @Test
    void plainTextPassesUnchanged() {
        assertEquals(Optional.of("mail me@coach_bot"), mapper.addressedToUs("mail me@coach_bot"));
    }

    private Incoming map(String json) throws Exception {
        return mapper.map(new ObjectMapper().readValue(json, Update.class)).orElseThrow();
    }

    @Test
    void aChannelPostSpeaksForTheChannelAndOnlyItsAdminsCanPost() throws Exception {
        Incoming in = map("""
                {"update_id":1,"channel_post":{"message_id":5,"date":1,"text":"/battle@coach_bot redis",
                 "chat":{"id":-1009,"type":"channel","title":"Daily Java"},
                 "sender_chat":{"id":-1009,"type":"channel","title":"Daily Java"}}}""");
        assertEquals(Incoming.ChatType.CHANNEL, in.chatType());
        assertEquals(Incoming.Role.ADMIN, in.role());
        assertEquals(-1009, in.userId());
        assertEquals("/battle redis", in.text());
    }

    @Test
    void aGroupsAnonymousAdminIsAnAdminAndAMemberIsNotKnownYet() throws Exception {
        Incoming anonymous = map("""
                {"update_id":2,"message":{"message_id":6,"date":1,"text":"/stop",
                 "from":{"id":1087968824,"is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},
                 "sender_chat":{"id":-1007,"type":"supergroup","title":"Study"},
                 "chat":{"id":-1007,"type":"supergroup","title":"Study"}}}""");
        assertEquals(Incoming.Role.ADMIN, anonymous.role());
        Incoming member = map("""
                {"update_id":3,"message":{"message_id":7,"date":1,"text":"/stop",
                 "from":{"id":55,"is_bot":false,"first_name":"Ann"},
                 "chat":{"id":-1007,"type":"supergroup","title":"Study"}}}""");
        assertEquals(Incoming.Role.UNKNOWN, member.role());
        assertEquals(55, member.userId());
    }

    @Test
    void aPressInAGroupCarriesThePresserAndTheGroup() throws Exception {
        Incoming in = map("""
                {"update_id":4,"callback_query":{"id":"q1","chat_instance":"c","data":"b:1:1:2",
                 "from":{"id":56,"is_bot":false,"first_name":"Bob","language_code":"en"},
                 "message":{"message_id":8,"date":1,"chat":{"id":-1007,"type":"supergroup","title":"Study"}}}}""");
        assertEquals(Incoming.Kind.CALLBACK, in.kind());
        assertEquals(-1007, in.chatId());
        assertEquals(56, in.userId());
        assertEquals("b:1:1:2", in.callbackData());
    }

    @Test
    void beingRemovedFromAGroupOrBlockedIsNoticedAndJoiningIsNot() throws Exception {
        String change = """
                {"update_id":5,"my_chat_member":{"chat":{"id":%d,"type":"%s"},"date":1,
                 "from":{"id":56,"is_bot":false,"first_name":"Bob"},
                 "old_chat_member":{"status":"member","user":{"id":42,"is_bot":true,"first_name":"Coach"}},
                 "new_chat_member":{"status":"%s","user":{"id":42,"is_bot":true,"first_name":"Coach"}%s}}}""";
        ObjectMapper json = new ObjectMapper();
        assertEquals(java.util.OptionalLong.of(-1007), mapper.leftChat(json.readValue(
                change.formatted(-1007, "supergroup", "left", ""), Update.class)));
        assertEquals(java.util.OptionalLong.of(56), mapper.leftChat(json.readValue(
                change.formatted(56, "private", "kicked", ",\"until_date\":0"), Update.class)));
        assertEquals(java.util.OptionalLong.empty(), mapper.leftChat(json.readValue(
                change.formatted(-1007, "supergroup", "member", ""), Update.class)));
        assertEquals(Optional.empty(), mapper.map(json.readValue(change.formatted(-1007, "supergroup", "left", ""),
                Update.class)));
    }
}
