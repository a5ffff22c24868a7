package coach.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each kind of refusal from Telegram leads the sender to do. */
class RefusalTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            429 | Too Many Requests: retry after 7                                  | SLOW_DOWN
            403 | Forbidden: bot was blocked by the user                            | UNREACHABLE
            400 | Bad Request: chat not found                                       | UNREACHABLE
            400 | Bad Request: Chat Not Found                                       | UNREACHABLE
            400 | Bad Request: can't parse entities: unexpected end tag             | NOT_HTML
            502 | Bad Gateway                                                       | TROUBLE
            500 | Internal Server Error                                             | TROUBLE
            0   | null                                                              | TROUBLE
            400 | Bad Request: message is not modified                              | HARMLESS
            400 | Bad Request: query is too old and response timeout expired       | HARMLESS
            400 | Bad Request: message text is empty                                | FINAL
            404 | Not Found                                                         | FINAL
            """)
    void eachRefusalLeadsToOneAction(int code, String description, Refusal expected) {
        assertEquals(expected, Refusal.of(code, description));
    }
}
