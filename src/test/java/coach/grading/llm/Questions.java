package coach.grading.llm;

import coach.bank.Question;
import coach.bank.Question.Claim;
import coach.bank.Question.Contradiction;
import coach.bank.Question.KeyPoint;
import coach.bank.Question.Link;
import java.util.List;

/** The question the model-grading tests ask: Redis persistence, three key points, one classic wrong claim. */
final class Questions {

    static final Question PERSISTENCE = new Question("redis-persistence", "redis",
            "Redis 如何实现持久化？RDB 和 AOF 有什么区别？",
            "RDB 定期把内存数据生成快照写入磁盘；AOF 把每条写命令追加到日志文件，重启时重放。两者可以同时开启，重启时优先用 AOF 恢复。",
            List.of(new KeyPoint("RDB 是某一时刻的全量快照", List.of(Claim.of("RDB", "快照|某一时刻|snapshot")), List.of()),
                    new KeyPoint("AOF 把每条写命令追加到日志", List.of(Claim.of("AOF", "追加|每条写命令|append")),
                            List.of(new Contradiction(Claim.of("AOF", "快照|snapshot"), "快照是 RDB；AOF 逐条追加写命令"))),
                    new KeyPoint("两者同时开启时，重启优先用 AOF 恢复",
                            List.of(Claim.of("AOF", "优先|先用|prefer|first", "恢复|重启|restart|recover|reload")),
                            List.of())),
            List.of(new Link("Redis persistence", "https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/")),
            2, List.of(), null);

    /** Every point made, two of them in words the offline grader does not know (it gives 33). */
    static final String PARAPHRASE = "RDB 会定时把整个内存拍成一份快照存盘；AOF 则是把每一条写操作按顺序记到文件末尾；"
            + "重启的时候 Redis 先读 AOF 来恢复。";
    static final String RDB_QUOTE = "RDB 会定时把整个内存拍成一份快照存盘";
    static final String AOF_QUOTE = "AOF 则是把每一条写操作按顺序记到文件末尾";
    static final String RESTART_QUOTE = "重启的时候 Redis 先读 AOF 来恢复";

    private Questions() {
    }
}
