package coach.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coach.bank.Question;
import coach.bank.Question.Claim;
import coach.bank.Question.Contradiction;
import coach.bank.Question.KeyPoint;
import coach.grading.Grade.Verdict;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GraderTest {

    private final Grader grader = new Grader();

    static Question question(String text, KeyPoint... points) {
        return new Question("t-q", "t", text, "…", List.of(points),
                List.of(new Question.Link("docs", "https://example.org/")), 1, List.of(), null);
    }

    static KeyPoint point(String name, Claim claim, Contradiction... wrong) {
        return new KeyPoint(name, List.of(claim), List.of(wrong));
    }

    private final Question persistence = question("Redis 如何实现持久化？RDB 和 AOF 有什么区别？",
            point("RDB 是某一时刻的全量快照", Claim.of("RDB", "快照|某一时刻|全量|snapshot|point-in-time|dump")),
            point("AOF 把每条写命令追加到日志", Claim.of("AOF", "追加|每条写命令|append|every write|write command"),
                    new Contradiction(Claim.of("AOF", "快照|snapshot"), "快照是 RDB；AOF 逐条追加写命令")));

    private Verdict verdict(Grade grade, int point) {
        return grade.points().get(point).verdict();
    }

    @Nested
    class Claims {
        @Test
        void conceptsMeetingInOneClauseMakeThePoint() {
            Grade g = grader.grade(persistence, "RDB 就是定时拍个内存快照。AOF 则把每条写命令追加到文件末尾。");
            assertEquals(100, g.score());
            assertEquals("RDB 就是定时拍个内存快照", g.points().get(0).evidence());
        }

        @Test
        void conceptsScatteredOverClausesDoNot() {
            Grade g = grader.grade(persistence, "RDB 我用过。快照这个词听过。AOF 也用过。追加写我不太清楚原理是什么。");
            assertEquals(Verdict.MISSED, verdict(g, 0));
        }

        @Test
        void aContrastiveWordStartsANewClause() {
            Grade g = grader.grade(persistence, "RDB 很常用，但是快照的细节我记不清");
            assertEquals(Verdict.MISSED, verdict(g, 0));
        }

        @Test
        void conceptsNamedByTheQuestionProveNothingAlone() {
            Question q = question("Redis 的 RDB 快照是什么？",
                    point("RDB 快照", Claim.of("RDB", "快照")),
                    point("fork 子进程", Claim.of("fork|子进程")));
            assertEquals(0, grader.grade(q, "RDB 快照就是 RDB 快照。").score());
        }

        @Test
        void theSameAnswerAlwaysGetsTheSameGrade() {
            String answer = "RDB 是快照；AOF 追加写命令，但 AOF 也是快照";
            assertEquals(grader.grade(persistence, answer), grader.grade(persistence, answer));
            assertEquals(grader.grade(persistence, answer), new Grader().grade(persistence, answer));
        }
    }

    @Nested
    class Words {
        private final Question git = question("How do you undo a pushed commit?",
                point("revert makes a new commit", Claim.of("revert", "new commit|undo commit")),
                point("rollback when a deploy fails", Claim.of("rollback", "deploy|release")));

        @Test
        void latinAliasesMatchWholeWordsOnly() {
            Question q = question("Which data types?",
                    point("ring buffer", Claim.of("ring", "buffer")),
                    point("posts go to the post office", Claim.of("post", "office")));
            assertEquals(0, grader.grade(q, "A string buffer during processing; postgresql office suite.").score());
        }

        @Test
        void inflectedAndSplitFormsMatchTheirAlias() {
            Grade g = grader.grade(git, "You git revert it, which creates new commits that undo it. The deploys were "
                    + "rolled back when the release failed.");
            assertEquals(100, g.score());
        }

        @Test
        void widthCaseAndSpacingFold() {
            Question q = question("数据库设计用什么图？",
                    point("ER 图", Claim.of("ER图", "实体")),
                    point("范式", Claim.of("第三范式|3nf", "冗余")));
            assertEquals(100, grader.grade(q, "先画 ｅｒ 图 理清实体和关系。按 3NF 拆表减少冗余。").score());
        }

        @Test
        void aHomophoneTypoOfTheInputMethodIsForgiven() {
            Question q = question("Python 的 GIL 有什么影响？",
                    point("同一时刻只有一个线程执行字节码", Claim.of("一个线程|单线程", "字节码|bytecode")),
                    point("CPU 密集用多进程", Claim.of("多进程|multiprocessing", "cpu")));
            Grade g = grader.grade(q, "同一时刻只有一个现程在跑字节码；CPU 密集的活改用多进程。");
            assertEquals(100, g.score());
        }

        @Test
        void fuzzySyllablesOfTheInputMethodCountAsHomophones() {
            Question q = question("Redis 为什么快？",
                    point("数据在内存", Claim.of("内存|memory", "读写|访问")), point("单线程", Claim.of("单线程", "命令")));
            Grade g = grader.grade(q, "数据都放在内纯里读写；命令由单现程执行");
            assertEquals(100, g.score());
        }

        @Test
        void aSoundAlikeInsideALongerExactTermIsNoTypo() {
            Question lock = question("Redis 分布式锁要注意什么？",
                    point("设过期防死锁", Claim.of("过期|expire", "死锁|deadlock")),
                    point("分布式锁用 SET NX", Claim.of("分布式锁|distributed lock", "nx")));
            Grade g = grader.grade(lock, "分布式锁要设置过期时间，用 SET NX 加锁。");
            assertEquals(Verdict.MISSED, verdict(g, 0), "式锁 in 分布式锁 is not 死锁");
            assertEquals(Verdict.MADE, verdict(g, 1));
        }

        @Test
        void aSoundAlikeDoesNotStretchOverFunctionWords() {
            Question migration = question("怎么做无停机发布？",
                    point("数据库迁移向后兼容", Claim.of("新旧代码|old and new code", "都能跑|兼容|compatible"),
                            new Contradiction(Claim.of("先删|drop first", "字段|column"), "先加字段，旧代码下线后再删")));
            Grade g = grader.grade(migration, "先加字段，等旧代码下线了再删字段，新旧代码都能跑。");
            assertEquals(Verdict.MADE, verdict(g, 0), "线了再删 is no typo of 先删");
            assertEquals(Verdict.CONTRADICTED, verdict(grader.grade(migration, "先删字段再发新代码。"), 0));
        }

        @Test
        void punctuationInsideATokenKeepsThePhrase() {
            Question mongo = question("MongoDB 的 write concern？",
                    point("w:0 不确认", Claim.of("w:0|w 0", "不确认|不等|no acknowledgement")),
                    point("majority", Claim.of("majority", "多数|大多数")));
            Grade g = grader.grade(mongo, "w:0 不确认写入，majority 要多数节点确认。");
            assertEquals(100, g.score());
        }

        @Test
        void twoTyposInATwoCharacterWordAreTooMany() {
            Question q = question("Python 的 GIL 有什么影响？",
                    point("线程", Claim.of("线程", "字节码")), point("进程", Claim.of("多进程", "cpu")));
            assertEquals(Verdict.MISSED, verdict(grader.grade(q, "现成的字节码"), 0));
        }

        @Test
        void lexiconWordsStandForEachOther() {
            Question q = question("Nginx 怎么做负载均衡？",
                    point("一致性哈希", Claim.of("一致性哈希")), point("按 IP 哈希", Claim.of("ip_hash|ip 哈希")));
            assertEquals(100, grader.grade(q, "可以用一致性 hash，也可以按客户端 IP hash 到固定后端。").score());
        }
    }

    @Nested
    class Contradictions {
        private final Question redis = question("Redis 为什么快？",
                point("命令由单线程执行", Claim.of("单线程|一个线程|single thread")),
                point("数据在内存", Claim.of("内存|memory")));

        @Test
        void aListedWrongClaimContradictsThePointAndCostsExtra() {
            Grade g = grader.grade(persistence, "RDB 就是定时拍一个内存快照；AOF 也是快照，只是更频繁");
            assertEquals(Verdict.MADE, verdict(g, 0));
            assertEquals(Verdict.CONTRADICTED, verdict(g, 1));
            assertEquals("AOF 也是快照，只是更频繁", g.points().get(1).evidence());
            assertEquals("快照是 RDB；AOF 逐条追加写命令", g.points().get(1).correct());
            assertEquals(0, g.score());
        }

        @Test
        void oneWrongClaimKeepsAnOtherwiseGoodAnswerAtFifty() {
            Question q = question("Redis 为什么快？",
                    point("单线程", Claim.of("单线程|single thread"), new Contradiction(Claim.of("多线程", "执行命令"), "命令由单线程执行")),
                    point("内存", Claim.of("内存|memory")), point("IO 多路复用", Claim.of("多路复用|epoll")),
                    point("高效数据结构", Claim.of("数据结构|跳表|listpack")), point("无锁", Claim.of("不用加锁|无锁|lock-free")),
                    point("纯 C", Claim.of("c 语言|written in c")), point("协议简单", Claim.of("resp|协议简单")),
                    point("pipeline", Claim.of("pipeline|管道")), point("io 线程", Claim.of("io 线程|io threads")),
                    point("过期", Claim.of("惰性|lazy")));
            Grade g = grader.grade(q, "数据在内存，用 epoll 多路复用，数据结构高效如跳表，不用加锁，用 C 语言写的，RESP 协议简单，"
                    + "支持 pipeline，有 IO 线程，过期是惰性删除。但它是多线程执行命令的。");
            assertEquals(Verdict.CONTRADICTED, verdict(g, 0));
            assertEquals(Grader.CONTRADICTED_CAP, g.score(), "9 of 10 made, less 2 for the wrong one: 70, capped");
        }

        @Test
        void aNegationInFrontOfAConceptContradictsIt() {
            Grade zh = grader.grade(redis, "Redis 其实并不是单线程的，数据都在内存里");
            assertEquals(Verdict.CONTRADICTED, verdict(zh, 0));
            Grade en = grader.grade(redis, "Redis doesn't use a single thread. Data lives in memory.");
            assertEquals(Verdict.CONTRADICTED, verdict(en, 0));
        }

        @Test
        void wordsThatOnlyLookLikeNegationsDoNotNegate() {
            Grade g = grader.grade(redis, "和 Memcached 不同，Redis 用单线程执行命令，数据放在内存里。");
            assertEquals(100, g.score());
        }

        @Test
        void aWrongClaimMustMeetInOnePhraseNotJustOneSentence() {
            Question tcp = question("TCP 三次握手中双方的状态？",
                    point("服务端进入 SYN_RCVD", Claim.of("服务端|server", "syn_rcvd|syn-received"),
                            new Contradiction(Claim.of("服务端|server", "syn_sent"), "SYN_SENT 是客户端的状态")),
                    point("客户端进入 SYN_SENT", Claim.of("客户端|client", "syn_sent")));
            assertEquals(100, grader.grade(tcp, "客户端发完 SYN 进入 SYN_SENT，服务端收到后进入 SYN_RCVD。").score());
            Grade wrong = grader.grade(tcp, "服务端发出 SYN 后进入 SYN_SENT。");
            assertEquals(Verdict.CONTRADICTED, verdict(wrong, 0));
        }

        @Test
        void aSuppositionStatesNothing() {
            Question rebase = question("merge 和 rebase 的区别？",
                    point("rebase 改写提交哈希", Claim.of("rebase", "新的哈希|哈希会变|改写"),
                            new Contradiction(Claim.of("rebase", "哈希不变"), "rebase 重放提交，哈希都会变")),
                    point("merge 生成合并提交", Claim.of("merge", "合并提交")));
            assertEquals(Verdict.CONTRADICTED, verdict(grader.grade(rebase, "rebase 之后哈希不变。"), 0));
            assertEquals(Verdict.MISSED, verdict(grader.grade(rebase, "如果 rebase 之后哈希不变，就说明没有重放。"), 0));
            assertEquals(Verdict.MISSED, verdict(grader.grade(rebase, "If rebase kept 哈希不变, nothing was replayed."), 0));
        }

        @Test
        void aComparisonWithErSplitsItsPhrases() {
            Question engines = question("InnoDB 和 MyISAM 的区别？",
                    point("InnoDB 支持事务", Claim.of("innodb", "支持事务|transaction"),
                            new Contradiction(Claim.of("myisam", "支持事务"), "MyISAM 不支持事务")),
                    point("行锁", Claim.of("行锁|row lock")));
            Grade g = grader.grade(engines, "InnoDB 支持事务而 MyISAM 不支持，InnoDB 还有行锁。");
            assertEquals(100, g.score());
        }

        @Test
        void whileAndRatherThanSplitEnglishPhrases() {
            Question threads = question("Redis 和 Memcached 的线程模型？",
                    point("Memcached 多线程", Claim.of("memcached", "multi-threaded|多线程"),
                            new Contradiction(Claim.of("redis", "multi-threaded|多线程"), "Redis 执行命令是单线程")),
                    point("Redis 单线程执行命令", Claim.of("redis", "single thread|单线程")));
            assertEquals(100, grader.grade(threads,
                    "Redis runs commands on a single thread while Memcached is multi-threaded.").score());
            assertEquals(100, grader.grade(threads,
                    "Memcached is multi-threaded. Redis uses a single thread rather than being multi-threaded.").score());
        }

        @Test
        void whatReplacesAThingIsNotSaidToBeIt() {
            Question poll = question("select 和 poll 的区别？",
                    point("poll 用数组，没有 1024 上限", Claim.of("poll", "数组|array|pollfd"),
                            new Contradiction(Claim.of("poll", "位图|bitmap"), "位图是 select 的；poll 用 pollfd 数组")));
            assertEquals(100, grader.grade(poll, "poll replaces the bitmap with an array of pollfd structs.").score());
            assertEquals(100, grader.grade(poll, "poll 用 pollfd 数组代替位图。").score());
            assertEquals(Verdict.CONTRADICTED, verdict(grader.grade(poll, "poll 也用位图。"), 0));
        }

        @Test
        void noteIsNoNegation() {
            assertEquals("note", Stemmer.stem("notes"));
            assertEquals("note", Stemmer.stem("noted"));
            assertEquals("not", Stemmer.stem("not"));
            Question cache = question("no-cache 是什么意思？",
                    point("no-cache 使用前先验证", Claim.of("no-cache", "revalidate|验证")));
            assertEquals(100, grader.grade(cache, "Note that no-cache means revalidate before use.").score());
        }

        @Test
        void aNegationRightBeforeAConceptNegatesItEvenInsideAnotherTerm() {
            Question like = question("LIKE 什么时候用不上索引？",
                    point("前缀通配用不上索引", Claim.of("百分号开头|前导通配|leading wildcard", "不能用|用不上|cannot use"),
                            new Contradiction(Claim.of("百分号开头|前导通配", "能用索引|走索引"), "以 % 开头的 LIKE 用不上 B+ 树索引")),
                    point("后缀通配可用", Claim.of("百分号结尾|后缀通配", "能用|走索引")));
            Grade g = grader.grade(like, "LIKE 以百分号开头不能用索引。");
            assertEquals(Verdict.MADE, verdict(g, 0));
        }

        @Test
        void aNegatedTermIsItsOwnWordNotANegation() {
            Question isolation = question("MySQL 的隔离级别？",
                    point("RR 默认", Claim.of("可重复读|repeatable read", "默认|default")),
                    point("读未提交有脏读", Claim.of("读未提交|read uncommitted", "脏读|dirty read")));
            Grade g = grader.grade(isolation, "读未提交会有脏读。不可重复读是另一种现象，默认级别是可重复读。");
            assertEquals(100, g.score());
            Grade only = grader.grade(isolation, "默认会出现不可重复读");
            assertEquals(Verdict.MISSED, verdict(only, 0), "可重复读 inside 不可重复读 is not RR");
        }

        @Test
        void aTermAfterTheEnglishPrefixNonIsNotThatTerm() {
            Question io = question("What does a web server's event loop rely on?",
                    point("blocking calls stall it", Claim.of("blocking call|blocking calls", "stall|stalls|freeze")),
                    point("sockets are non-blocking", Claim.of("non-blocking|nonblocking", "socket|sockets")));
            Grade g = grader.grade(io, "Non-blocking calls stall nothing, and the sockets are non-blocking.");
            assertEquals(Verdict.MISSED, verdict(g, 0), "non-blocking calls are no blocking calls");
            assertEquals(Verdict.MADE, verdict(g, 1));
            assertEquals(Verdict.MADE, verdict(grader.grade(io, "A blocking call stalls the loop."), 0));
        }

        @Test
        void wordsEndingInANegationCharacterAreWords() {
            Grade g = grader.grade(redis, "在这个级别下，区别在于 Redis 用单线程执行命令，请求互不干扰，数据在内存。");
            assertEquals(100, g.score());
            Question none = question("Python 里怎么判断 None？",
                    point("用 is 比较单例", Claim.of("is", "单例|singleton")), point("不用 ==", Claim.of("==|eq", "重载|override")));
            assertEquals(Verdict.MADE, verdict(grader.grade(none, "None is a singleton, so compare with is."), 0));
        }

        @Test
        void anotherNumberOfTheSameUnitContradictsAQuantity() {
            Question reflog = question("reset --hard 丢掉的提交还能找回多久？",
                    point("不可达条目保留 30 天", Claim.of("reflog|引用日志", "30 天|30 days")),
                    point("用 reflog 找回", Claim.of("reflog", "找回|恢复|recover")));
            Grade wrong = grader.grade(reflog, "reflog 会保留 90 天，用 reflog 找到哈希就能恢复。");
            assertEquals(Verdict.CONTRADICTED, verdict(wrong, 0));
            Grade right = grader.grade(reflog, "reflog 里的不可达条目留 30 天，用 reflog 找到哈希就能恢复。");
            assertEquals(100, right.score());
            Grade otherNumber = grader.grade(reflog, "Git 2 以后 reflog 也能用来恢复提交。");
            assertEquals(Verdict.MISSED, verdict(otherNumber, 0), "a number without the unit is not compared");
        }

        @Test
        void aNegationInsideARelativeClauseStaysThere() {
            Question lru = question("LRU 缓存怎么实现？",
                    point("满了淘汰最久没用的", Claim.of("最久|最长时间", "踢掉|淘汰")), point("哈希表", Claim.of("哈希表|字典")));
            Grade g = grader.grade(lru, "容量满了就把最长时间没被碰过的那条踢掉。");
            assertEquals(Verdict.MADE, verdict(g, 0));
        }

        @Test
        void aNegationInAnOverlappingTermNegatesTheConceptItRunsInto() {
            Question cors = question("带 Cookie 的跨域请求怎么配置 CORS？",
                    point("不能用通配符", Claim.of("不能用通配|不能用 *|cannot use a wildcard", "cookie|凭证|credentials"),
                            new Contradiction(Claim.of("通配符|wildcard", "可以|允许|allowed"), "带凭证时不能用 *")),
                    point("要写具体源", Claim.of("具体|明确|exact", "origin|源")));
            Grade g = grader.grade(cors, "带 cookie 时 Allow-Origin 不能用通配符，允许的源要写具体的 origin。");
            assertEquals(100, g.score());
        }

        @Test
        void noLongerNegates() {
            Grade g = grader.grade(redis, "HTTP/2 之后不再需要单线程那样的技巧，数据在内存。");
            assertEquals(Verdict.CONTRADICTED, verdict(g, 0));
        }

        @Test
        void aNegationInAnotherPhraseLeavesTheConceptAlone() {
            Grade g = grader.grade(redis, "不用加锁，因为命令由单线程执行；数据在内存");
            assertEquals(100, g.score());
        }

        @Test
        void talkingAboutTheMisconceptionIsNotMakingIt() {
            Grade g = grader.grade(persistence, "RDB 是快照。很多人以为 AOF 也是快照，其实 AOF 是把写命令追加到文件。");
            assertEquals(100, g.score());
        }

        @Test
        void aQuestionStatesNothing() {
            Grade g = grader.grade(persistence, "RDB 是快照，AOF 追加写命令。追问：AOF 也是快照吗？不是。");
            assertEquals(100, g.score());
        }

        @Test
        void contradictionsAreShownEvenWhenThePointIsAlsoMade() {
            Grade g = grader.grade(persistence, "AOF 追加写命令。AOF 本质上也是一种快照。");
            assertEquals(Verdict.CONTRADICTED, verdict(g, 1));
        }
    }

    @Nested
    class BareTermsCap {
        private final Question lb = question("Nginx 有哪些负载均衡策略？",
                point("轮询", Claim.of("轮询|round robin")), point("加权", Claim.of("权重|weight")),
                point("IP 哈希", Claim.of("ip_hash|ip 哈希")), point("最少连接", Claim.of("最少连接|least conn")));

        @Test
        void aListOfTermsIsCappedAndFlagged() {
            Grade g = grader.grade(lb, "轮询 加权轮询 随机 加权随机 ip_hash 最少连接数 一致性哈希");
            assertTrue(g.bareTerms());
            assertEquals(24, g.score(), "three of four points named: 30% of 79");
            assertTrue(grader.grade(lb, "轮询 权重 ip_hash 最少连接").score() <= Grader.BARE_TERMS_CAP);
            Grade half = grader.grade(lb, "轮询、ip_hash");
            assertTrue(half.bareTerms());
            assertEquals(17, half.score(), "half the points named: 30% of 57");
        }

        @Test
        void theSameTermsExplainedAreNotCapped() {
            Grade g = grader.grade(lb, "默认是轮询，按顺序把请求分给每台后端；可以给机器配权重，性能好的多分一些；"
                    + "ip_hash 让同一个客户端总落到同一台；least_conn 会挑当前最少连接的那台。");
            assertFalse(g.bareTerms());
            assertEquals(100, g.score());
        }

        @Test
        void arrowsBetweenTermsStateAFlow() {
            Question rabbit = question("RabbitMQ 的消息怎么走？",
                    point("生产者发到交换机", Claim.of("生产者|producer", "交换机|exchange")),
                    point("交换机路由到队列", Claim.of("交换机|exchange", "队列|queue")));
            Grade flow = grader.grade(rabbit, "生产者 → 交换机 → 队列 → 消费者");
            assertFalse(flow.bareTerms());
            assertEquals(100, flow.score());
            assertTrue(grader.grade(rabbit, "生产者 交换机 队列 消费者").bareTerms());
            assertEquals(0, BareTerms.relations("lo<=hi, a>b"));
            assertEquals(2, BareTerms.relations("= 精确 > ^~ 前缀 -> 正则"));
        }
    }
}
