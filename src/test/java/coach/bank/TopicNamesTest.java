package coach.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicNamesTest {

    private static final Library LIBRARY = new BankLoader().load(Path.of("banks")).library();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mq | mq", "MQ | mq", "Message queues & tasks | mq", "message QUEUES & tasks | mq", "消息队列与异步任务 | mq",
            "cs fundamentals | cs", "计算机基础与算法 | cs", "Redis | redis", "MySQL & PostgreSQL | mysql",
            "MySQL 与 PostgreSQL | mysql", "mysql与postgresql | mysql"})
    void idsAndTitlesInEitherLanguageAnyCase(String typed, String topic) {
        assertEquals(Optional.of(topic), TopicNames.find(LIBRARY, typed));
    }

    @ParameterizedTest
    @CsvSource({"golang", "message", "''"})
    void otherNamesAreNoTopic(String typed) {
        assertEquals(Optional.empty(), TopicNames.find(LIBRARY, typed));
    }
}
