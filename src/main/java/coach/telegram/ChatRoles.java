package coach.telegram;

import coach.chat.Incoming;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Who is an admin of which group, asked of Telegram with getChatMember and remembered for a minute, so that a
 * flurry of commands costs one call. A failed call answers {@link Incoming.Role#UNKNOWN} and is not remembered.
 */
final class ChatRoles {

    private static final Logger log = LoggerFactory.getLogger(ChatRoles.class);
    static final long REMEMBER_MILLIS = 60_000;
    private static final int MAX_REMEMBERED = 10_000;

    private record Key(long chatId, long userId) {
    }

    private record Known(Incoming.Role role, long atMillis) {
    }

    private final ApiCalls api;
    private final Clock clock;
    private final Map<Key, Known> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Known> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    ChatRoles(ApiCalls api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** The sender's standing in the chat. Called on the polling thread, never inside a transaction. */
    Incoming.Role of(long chatId, long userId) {
        long now = clock.millis();
        Key key = new Key(chatId, userId);
        Known remembered = known.get(key);
        if (remembered != null && now - remembered.atMillis() < REMEMBER_MILLIS) {
            return remembered.role();
        }
        try {
            Incoming.Role role = api.role(chatId, userId);
            known.put(key, new Known(role, now));
            return role;
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("Could not check the standing of user {} in chat {}: {}", userId, chatId, e.getMessage());
            return Incoming.Role.UNKNOWN;
        }
    }
}
