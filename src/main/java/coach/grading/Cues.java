package coach.grading;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The small words the grader reads around concepts: negations in front of a concept, markers of a clause that
 * refutes a misconception rather than states it, and function words that show a clause explains something.
 */
final class Cues {

    /** How far before a concept a negation still applies: a Chinese character counts 1, a Latin word 2. */
    static final int NEGATION_REACH = 6;

    private static final Set<String> HAN_NEGATIONS = Set.of("不", "没", "无", "非", "未", "别", "勿");
    private static final Set<String> LATIN_NEGATIONS = stems("not", "no", "never", "without", "cannot", "nor",
            "neither", "dont", "doesnt", "isnt", "arent", "wasnt", "werent", "cant", "wont", "didnt",
            "shouldnt", "couldnt", "hasnt", "havent", "nothing");
    /** A negation character followed by one of these is a word of its own: 不同, 非常, 无论, 未来, 别的. */
    private static final Set<String> NOT_NEGATIONS = Set.of(
            "不同", "不断", "不仅", "不但", "不管", "不论", "不少", "不过", "不错", "不久", "不停", "不止", "不只",
            "不然", "不如", "不妨", "不外", "不光", "不单", "不得", "不够", "不足", "不满", "不多", "不少于", "不透",
            "非常", "非但", "非凡", "无论", "无数", "无非",
            "未来", "没错", "别的", "别人", "别名", "别处");
    private static final Set<String> LATIN_NOT_NEGATIONS = Set.of("only", "just", "matter", "doubt", "wonder");

    /** Words a negation does not reach past: the end of a relative clause, a new verb phrase or a conjunction. */
    private static final Set<String> SCOPE_ENDS = Stream.concat(
            Stream.of("的", "了", "就", "而", "也", "都", "再", "才", "还"),
            stems("which", "that", "who", "where", "when", "because", "and", "or", "but", "so", "then").stream())
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> IMPERATIVE_LEADS = Set.of("请", "万", "就", "也", "可", "还", "都", "先");

    private static final String[] REFUTATIONS = {
        "误以为", "以为", "误区", "误解", "误认为", "错觉", "易错", "常见错误", "搞混", "混淆", "谣言",
        "myth", "misconception", "mistake", "mistaken", "wrongly", "wrong", "misunderstand", "misunderstanding",
        "confuse", "confusion"
    };

    private static final Set<String> HAN_FUNCTION = Set.of(
            "是", "的", "了", "会", "能", "要", "就", "再", "才", "还", "也", "把", "被", "让", "给", "对", "从",
            "到", "在", "用", "做", "有", "和", "与", "或", "而", "因", "所", "如", "时", "后", "先", "每", "都",
            "可", "将", "并", "即", "若", "则", "但", "去", "来", "过", "着", "得", "地", "比", "更", "只", "当");
    private static final Set<String> LATIN_FUNCTION = stems("is", "are", "was", "were", "be", "been", "use",
            "uses", "when", "because", "if", "so", "then", "to", "by", "which", "that", "will", "can", "the", "it",
            "of", "for", "with", "in", "on", "and", "or", "but", "from", "into", "each", "every", "only", "once",
            "until", "while", "after", "before", "instead", "has", "have", "does", "do", "you", "we", "they");

    /**
     * Everyday words that a homophone typo of a term must not be read into: 一般 is not a typo of 一半, nor 所以 of
     * 索引 when typed on purpose.
     */
    private static final Set<String> COMMON_WORDS = Set.of(
            "一般", "所以", "现在", "时候", "可以", "这个", "那个", "因为", "但是", "如果", "然后", "问题", "知道", "觉得",
            "应该", "需要", "什么", "怎么", "已经", "还是", "或者", "而且", "比如", "例如", "就是", "不是", "没有", "只是",
            "其实", "以后", "之前", "之后", "时间", "事情", "东西", "方面", "方式", "方法", "情况", "工作", "公司", "项目",
            "同事", "开始", "结果", "出现", "发现", "进行", "通过", "使用", "实现", "处理", "一下", "一些", "一个", "一样",
            "这样", "那样", "如何", "自己", "我们", "他们", "大家", "感觉", "以为", "认为", "可能", "肯定", "一定", "经验",
            "主要", "重要", "简单", "直接", "具体", "基本", "比较", "非常", "特别", "当时", "后来", "最后", "首先", "其次");
    /** The everyday words as each way of cutting them in two: first part to the parts that can follow it. */
    private static final Map<String, Set<String>> COMMON_WORD_HALVES = halves(COMMON_WORDS);

    private Cues() {
    }

    /**
     * The cues of every token of a text, read once: the grader asks about the same tokens for each alias and each
     * pair of hits.
     */
    record Marks(boolean[] functionWord, boolean[] commonWord, boolean[] negation, int[] lastNegating) {

        static Marks of(Text text) {
            boolean[] function = new boolean[text.size];
            boolean[] common = new boolean[text.size];
            boolean[] negation = new boolean[text.size];
            int[] lastNegating = new int[text.size + 1];
            lastNegating[0] = -1;
            boolean[] wordWithNext = new boolean[text.size];
            for (int i = 0; i + 1 < text.size; i++) {
                wordWithNext[i] = (text.han[i] || text.han[i + 1])
                        && COMMON_WORD_HALVES.getOrDefault(text.keys[i], Set.of()).contains(text.keys[i + 1]);
            }
            for (int i = 0; i < text.size; i++) {
                function[i] = functionWordAt(text, i);
                // an everyday word with a Chinese neighbour in front of it, or behind it
                common[i] = i > 0 && text.han[i - 1] && wordWithNext[i - 1] || i + 1 < text.size && text.han[i + 1]
                        && wordWithNext[i];
                negation[i] = negationAt(text, i);
                lastNegating[i + 1] = isNegatingCharacter(text, i) || negation[i] ? i : lastNegating[i];
            }
            return new Marks(function, common, negation, lastNegating);
        }

        /** The last token before {@code at} that is a negating character or a negation word; -1 if none. */
        int lastNegatingBefore(int at) {
            return lastNegating[at];
        }
    }

    /** Whether the character at {@code i} forms an everyday word with a neighbour in the same phrase. */
    static boolean formsCommonWord(Text text, int i) {
        return text.marks().commonWord()[i];
    }

    /** Whether token {@code i} is a character that can negate, whatever it does here: 不, 没, 无, 非, 未, 别, 勿. */
    static boolean isNegatingCharacter(Text text, int i) {
        return text.han[i] && HAN_NEGATIONS.contains(text.keys[i]);
    }

    /** Whether token {@code i} of {@code text} negates what follows it. */
    static boolean isNegation(Text text, int i) {
        return text.marks().negation()[i];
    }

    private static boolean negationAt(Text text, int i) {
        String key = text.keys[i];
        if (!text.han[i]) {
            return LATIN_NEGATIONS.contains(key)
                    && !(i + 1 < text.size && LATIN_NOT_NEGATIONS.contains(text.keys[i + 1]));
        }
        if (!HAN_NEGATIONS.contains(key)) {
            return false;
        }
        boolean partOfWord = i + 1 < text.size && NOT_NEGATIONS.contains(key + text.keys[i + 1]);
        boolean unless = key.equals("非") && i > 0 && text.keys[i - 1].equals("除")
                || key.equals("不") && i > 0 && text.keys[i - 1].equals("互")
                || key.equals("没") && i > 0 && text.keys[i - 1].equals("有");
        return !partOfWord && !unless && !(key.equals("别") && endsAWord(text, i)) && !isAdjectivePrefix(text, i);
    }

    /**
     * 不可达, 不可变, 无效, 无锁, 非阻塞, 非空: a negation that makes an adjective of the character after it negates
     * only that character. 不可以 and 不可能, 无需 and 无法, 并非 and 而非 still negate what follows.
     */
    private static boolean isAdjectivePrefix(Text text, int i) {
        String key = text.keys[i];
        String next = i + 1 < text.size && text.han[i + 1] ? text.keys[i + 1] : "";
        String after = i + 2 < text.size && text.han[i + 2] ? text.keys[i + 2] : "";
        String before = i > 0 && text.han[i - 1] ? text.keys[i - 1] : "";
        return switch (key) {
            case "不" -> next.equals("可") && !after.isEmpty() && !after.equals("以") && !after.equals("能");
            case "无" -> !next.isEmpty() && !"需须法从".contains(next);
            case "非" -> !next.isEmpty() && !"并绝而若".contains(before);
            default -> false;
        };
    }

    /**
     * 别 ends words (级别, 区别, 分别, 特别): it says "don't" only at the start of a phrase or after a word that
     * leads an imperative (请别, 千万别, 就别).
     */
    private static boolean endsAWord(Text text, int i) {
        return i > 0 && text.han[i - 1] && text.phrase[i - 1] == text.phrase[i]
                && !IMPERATIVE_LEADS.contains(text.keys[i - 1]);
    }

    /**
     * Whether a negation stands shortly before token {@code from}, in the same phrase, with no word between them that
     * closes its scope: "没被碰过的那条踢掉" negates 碰过, not 踢掉.
     */
    static boolean negated(Text text, int from, boolean[] terms) {
        int budget = NEGATION_REACH;
        for (int k = from - 1; k >= 0 && text.phrase[k] == text.phrase[from]; k--) {
            if ((!terms[k] || k == from - 1) && isNegation(text, k)) {
                return true;
            }
            if (SCOPE_ENDS.contains(text.keys[k])) {
                return k > 0 && text.phrase[k - 1] == text.phrase[from] && isNegation(text, k - 1);
            }
            budget -= text.han[k] ? 1 : 2;
            if (budget < 0) {
                return false;
            }
        }
        return false;
    }

    /** Whether a negation stands close before token {@code from}: at most three words or characters between. */
    static boolean closelyNegated(Text text, int from) {
        for (int k = from - 1; k >= Math.max(0, from - 4) && text.phrase[k] == text.phrase[from]; k--) {
            if (isNegation(text, k)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> CONSEQUENCES = Stream.concat(Stream.of("会", "就", "则", "才", "要", "得"),
            stems("will", "would", "then", "otherwise", "get", "gets", "become").stream())
            .collect(Collectors.toUnmodifiableSet());

    /** Whether the rest of the phrase after token {@code to} says what follows from it ("…会动态映射", "…will fail"). */
    static boolean conditionalAfter(Text text, int to) {
        for (int k = to + 1; k < text.size && text.phrase[k] == text.phrase[to]; k++) {
            if (CONSEQUENCES.contains(text.keys[k])) {
                return true;
            }
        }
        return false;
    }

    /** Words that open a supposition or a change rather than a statement: "如果多线程的话", "改成异步会更快". */
    private static final Set<String> SUPPOSITIONS_HAN = Set.of("如果", "假如", "假设", "要是", "万一", "倘若", "改成",
            "改为", "换成", "换为", "设成", "设为");
    private static final Set<String> SUPPOSITIONS_LATIN = stems("if", "suppose", "unless");

    /** Whether phrase {@code p} opens with a supposition, after at most two words: then it states nothing. */
    static boolean supposes(Text text, int p) {
        int start = 0;
        while (start < text.size && text.phrase[start] < p) {
            start++;
        }
        for (int i = start; i < Math.min(text.size - 1, start + 3) && text.phrase[i] == p; i++) {
            if (text.han[i] ? text.han[i + 1] && SUPPOSITIONS_HAN.contains(text.keys[i] + text.keys[i + 1])
                    : SUPPOSITIONS_LATIN.contains(text.keys[i])) {
                return true;
            }
        }
        return start < text.size && !text.han[start] && SUPPOSITIONS_LATIN.contains(text.keys[start]);
    }

    /**
     * Whether clause {@code c} talks about a misconception rather than stating it ("很多人以为…", "a common myth
     * is…"), or asks a question ("分区数能减少吗？").
     */
    static boolean refutes(Text text, int c) {
        if (text.asks(c)) {
            return true;
        }
        StringBuilder han = new StringBuilder();
        for (int i = 0; i < text.size; i++) {
            if (text.clause[i] != c) {
                continue;
            }
            if (text.han[i]) {
                han.append(text.keys[i]);
            } else if (isRefutationWord(text.keys[i])) {
                return true;
            }
        }
        for (String cue : REFUTATIONS) {
            if (cue.charAt(0) > 0x7f && han.indexOf(cue) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRefutationWord(String key) {
        for (String cue : REFUTATIONS) {
            if (cue.charAt(0) < 0x80 && Stemmer.stem(cue).equals(key)) {
                return true;
            }
        }
        return false;
    }

    static boolean isFunctionWord(Text text, int i) {
        return text.marks().functionWord()[i];
    }

    private static boolean functionWordAt(Text text, int i) {
        return text.han[i] ? HAN_FUNCTION.contains(text.keys[i]) : LATIN_FUNCTION.contains(text.keys[i]);
    }

    private static Map<String, Set<String>> halves(Set<String> words) {
        Map<String, Set<String>> halves = new HashMap<>();
        for (String word : words) {
            for (int cut = 1; cut < word.length(); cut++) {
                halves.computeIfAbsent(word.substring(0, cut), k -> new HashSet<>()).add(word.substring(cut));
            }
        }
        return Map.copyOf(halves);
    }

    private static Set<String> stems(String... words) {
        return Stream.of(words).map(Stemmer::stem).collect(Collectors.toUnmodifiableSet());
    }
}
