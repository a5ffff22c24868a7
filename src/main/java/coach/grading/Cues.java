package coach.grading;

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
            "不然", "不如", "不妨", "不外", "不光", "不单", "不得", "不够", "不足", "不满", "不多", "不少于",
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

    private Cues() {
    }

    /** Whether token {@code i} of {@code text} negates what follows it. */
    static boolean isNegation(Text text, int i) {
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
                || key.equals("不") && i > 0 && text.keys[i - 1].equals("互");
        return !partOfWord && !unless && !(key.equals("别") && endsAWord(text, i));
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
            if (!terms[k] && isNegation(text, k)) {
                return true;
            }
            if (SCOPE_ENDS.contains(text.keys[k])) {
                return false;
            }
            budget -= text.han[k] ? 1 : 2;
            if (budget < 0) {
                return false;
            }
        }
        return false;
    }

    /** Whether clause {@code c} talks about a misconception ("很多人以为…", "a common myth is…"). */
    static boolean refutes(Text text, int c) {
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
        return text.han[i] ? HAN_FUNCTION.contains(text.keys[i]) : LATIN_FUNCTION.contains(text.keys[i]);
    }

    private static Set<String> stems(String... words) {
        return Stream.of(words).map(Stemmer::stem).collect(Collectors.toUnmodifiableSet());
    }
}
