package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
