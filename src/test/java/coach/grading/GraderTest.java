package coach.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import coach.bank.Question;
import coach.bank.Question.KeyPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraderTest {

    private final Grader grader = new Grader();
    private final Question tcp = new Question("network-handshake", "network", "TCP 三次握手的过程？", "…",
            List.of(new KeyPoint("三次握手", List.of("三次握手", "3次握手", "three-way handshake")),
                    new KeyPoint("SYN 同步序号", List.of("SYN")),
                    new KeyPoint("ACK 确认", List.of("ACK", "确认"))),
            List.of(new Question.Link("RFC 9293", "https://datatracker.ietf.org/doc/html/rfc9293")), 2, List.of(), null);

    @Test
    void answerMakingEveryPointScoresFullMarks() {
        Grader.Verdict v = grader.grade(tcp, "三次握手：客户端发 SYN，服务端回 SYN+ACK，客户端再确认");
        assertEquals(100, v.score());
        assertEquals(List.of(), v.missed());
    }

    @Test
    void missedKeyPointIsNamedInFeedback() {
        Grader.Verdict v = grader.grade(tcp, "three-way handshake with syn");
        assertEquals(67, v.score());
        assertEquals(List.of("ACK 确认"), v.missed().stream().map(KeyPoint::point).toList());
        assertEquals(List.of("三次握手", "SYN 同步序号"), v.covered().stream().map(KeyPoint::point).toList());
    }

    @Test
    void matchingIgnoresCaseWidthAndSpacing() {
        Grader.Verdict v = grader.grade(tcp, "ＴＨＲＥＥ-WAY   HANDSHAKE，ｓｙｎ，ａｃｋ");
        assertEquals(100, v.score());
    }

    @Test
    void unrelatedAnswerScoresZero() {
        assertEquals(0, grader.grade(tcp, "不知道").score());
        assertEquals(0, grader.grade(tcp, "").score());
    }

    @Test
    void scoreRoundsToWholeNumbers() {
        assertEquals(33, grader.grade(tcp, "SYN").score());
    }
}
