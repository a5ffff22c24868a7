package coach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.bank.BankLoader;
import coach.bank.Library;
import coach.practice.PracticeStore.TopicScore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StatsFlowTest {

    @Test
    void barsAreLabelledWithTheTopicsEnglishTitle() {
        Library library = new BankLoader().load(Path.of("banks")).library();
        assertEquals(new Progress.TopicBar("Deployment & servers", 70),
                StatsFlow.bar(library, new TopicScore("deploy", 3, 70)));
        assertEquals(new Progress.TopicBar("gone", 50), StatsFlow.bar(library, new TopicScore("gone", 1, 50)),
                "a topic no longer in the banks keeps its id");
    }
}
