package coach.grading;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A text folded and cut into tokens, as the grader reads it: a Latin word (lower case, inflection stripped) or a
 * single Chinese character per token, each with its place in the original, its clause and its phrase.
 *
 * <p>Full-width and half-width forms fold together (NFKC) and spacing never matters, so "ER 图" and "ER图" read alike.
 * A clause ends at sentence punctuation, a semicolon, a line break, or before a contrastive word (但, 但是, but,
 * however); a phrase also ends at a comma, an enumeration comma, a colon, a dash, and before 而 ("A 支持 X 而 B 不支持") and the other {@link #PHRASE_LEADS}.
 */
final class Text {

    private static final Set<String> CONTRASTIVE = Set.of(
            "但", "但是", "可是", "然而", "but", "however", "whereas", "although", "though");
    /**
     * Words that start a phrase of their own, as 而 does: "A is X while B is Y", "X rather than Y", "poll replaces the
     * bitmap", "用数组代替位图".
     */
    private static final Set<String> PHRASE_LEADS = Set.of("while", "rather", "instead", "unlike", "otherwise",
            "replace", "replaces", "replaced", "replacing");
    private static final Set<String> HAN_PHRASE_LEADS = Set.of("代替", "取代", "替代", "替换");

    final String original;
    final int size;
    final String[] keys;
    final String[] sounds;
    final boolean[] han;
    final int[] start;
    final int[] end;
    final int[] clause;
    final int[] phrase;
    final int clauses;
    private final int[] clauseStarts;
    /** What the cues say about each token, worked out once, when first asked. */
    private volatile Cues.Marks marks;

    private Text(String original, List<Token> tokens, int clauses, List<Integer> clauseStarts) {
        this.clauseStarts = clauseStarts.stream().mapToInt(Integer::intValue).toArray();
        this.original = original;
        this.size = tokens.size();
        this.keys = new String[size];
        this.sounds = new String[size];
        this.han = new boolean[size];
        this.start = new int[size];
        this.end = new int[size];
        this.clause = new int[size];
        this.phrase = new int[size];
        this.clauses = clauses;
        for (int i = 0; i < size; i++) {
            Token t = tokens.get(i);
            keys[i] = t.key;
            han[i] = t.han;
            sounds[i] = t.han ? Pinyin.sound(t.key.codePointAt(0)) : null;
            start[i] = t.start;
            end[i] = t.end;
            clause[i] = t.clause;
            phrase[i] = t.phrase;
        }
    }

    /** The cues of every token (function words, everyday words, negations), read on the first call. */
    Cues.Marks marks() {
        Cues.Marks known = marks;
        if (known == null) {
            known = Cues.Marks.of(this);
            marks = known;
        }
        return known;
    }

    /** The original text of clause {@code c}: from just after the mark that began it to its last token. */
    String clauseText(int c) {
        int to = -1;
        for (int i = size - 1; i >= 0 && to < 0; i--) {
            to = clause[i] == c ? end[i] : -1;
        }
        if (to < 0) {
            return "";
        }
        int from = c < clauseStarts.length ? Math.min(clauseStarts[c], to) : 0;
        return strip(original.substring(from, to));
    }

    /** The text without surrounding spaces and the list marks or commas left over from cutting it. */
    private static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && (Character.isWhitespace(s.charAt(a)) || "，,、：:；;.。)）".indexOf(s.charAt(a)) >= 0)) {
            a++;
        }
        while (b > a && Character.isWhitespace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** Whether clause {@code c} is a question: it ends in 吗, 呢 or a question mark. */
    boolean asks(int c) {
        int last = -1;
        for (int i = 0; i < size; i++) {
            last = clause[i] == c ? i : last;
        }
        if (last < 0) {
            return false;
        }
        if (keys[last].equals("吗") || keys[last].equals("呢")) {
            return true;
        }
        for (int k = end[last]; k < original.length(); k++) {
            char ch = original.charAt(k);
            if (ch == '?' || ch == '？') {
                return true;
            }
            if (!Character.isWhitespace(ch) && ch != '"' && ch != '”' && ch != '」' && ch != ')' && ch != '）') {
                return false;
            }
        }
        return false;
    }

    /** The original text from token {@code from} to token {@code to}, inclusive. */
    String span(int from, int to) {
        return original.substring(start[from], end[to]);
    }

    static Text of(String text) {
        return new Tokenizer(text == null ? "" : text).run();
    }

    private static final int COMMON_HAN_FIRST = 0x4E00;
    private static final int COMMON_HAN_LAST = 0x9FFF;
    private static final String[] ASCII = new String[0x80];
    private static final String[] HAN_KEYS = new String[COMMON_HAN_LAST - COMMON_HAN_FIRST + 1];
    /** Other characters of the basic plane as folded, worked out once each (full-width punctuation, accented letters). */
    private static final String[] FOLDED = new String[0x10000];

    static {
        for (int c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf((char) c);
        }
    }

    static boolean isHan(int cp) {
        if (cp >= COMMON_HAN_FIRST && cp <= COMMON_HAN_LAST) {
            return true;
        }
        return cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** One shared string per common character, so tokenizing allocates nothing for Chinese text. */
    private static String hanKey(int cp) {
        if (cp < COMMON_HAN_FIRST || cp > COMMON_HAN_LAST) {
            return new String(Character.toChars(cp));
        }
        String key = HAN_KEYS[cp - COMMON_HAN_FIRST];
        if (key == null) {
            key = new String(Character.toChars(cp));
            HAN_KEYS[cp - COMMON_HAN_FIRST] = key;
        }
        return key;
    }

    private record Token(String key, boolean han, int start, int end, int clause, int phrase) {
    }

    /** One pass over the code points, folding each and grouping word characters into words. */
    private static final class Tokenizer {
        private final String text;
        private final List<Token> tokens = new ArrayList<>();
        private final StringBuilder word = new StringBuilder();
        private int wordStart = -1;
        private int wordEnd = -1;
        private int skipTo;
        private final List<Integer> clauseStarts = new ArrayList<>(List.of(0));
        private int clause;
        private int phrase;
        private boolean clauseHasTokens;
        private boolean phraseHasTokens;

        Tokenizer(String text) {
            this.text = text;
        }

        Text run() {
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                int next = i + Character.charCount(cp);
                if (i < skipTo) {
                    i = next;
                    continue;
                }
                String folded = fold(cp);
                for (int k = 0; k < folded.length(); ) {
                    int f = folded.codePointAt(k);
                    k += Character.charCount(f);
                    take(f, i, next);
                }
                i = next;
            }
            endWord();
            return new Text(text, tokens, clause + 1, clauseStarts);
        }

        private void take(int cp, int from, int to) {
            if (isWordChar(cp) || (cp == '+' || cp == '#') && word.length() > 0) {
                if (word.length() == 0) {
                    wordStart = from;
                }
                word.appendCodePoint(cp);
                wordEnd = to;
                return;
            }
            if ((cp == '\'' || cp == '\u2019') && isNegatingApostrophe(to)) {
                word.setLength(word.length() - 1);
                endWord();
                add("not", false, from, to + 1);
                skipTo = to + 1;
                return;
            }
            endWord();
            if (isHan(cp)) {
                String key = hanKey(cp);
                if (key.equals("但") && !previousIs("不")) {
                    newClause(from);
                } else if (cp == '而' || (cp == '代' || cp == '取' || cp == '替') && to < text.length()
                        && HAN_PHRASE_LEADS.contains(key + hanKey(text.codePointAt(to)))) {
                    newPhrase();
                }
                add(key, true, from, to);
            } else if (isClauseEnd(cp, to)) {
                newClause(to);
            } else if (isPhraseEnd(cp) || "-:=()>".indexOf(cp) >= 0
                    && (text.charAt(from) > 0x7f || isSpacedDash(from, to))) {
                newPhrase();
            }
        }

        /**
         * A hyphen, colon, equals sign, bracket or arrow with a space on one side separates phrases ("A - B",
         * "注意: 这里", "(见下)"), and so does its full-width form ("：", "（"); inside a token (allkeys-lru, w:0,
         * acks=all, o(1)) it does not.
         */
        private boolean isSpacedDash(int from, int to) {
            boolean spaceBefore = from == 0 || Character.isWhitespace(text.charAt(from - 1)) || text.charAt(from - 1) == '-';
            boolean spaceAfter = to >= text.length() || Character.isWhitespace(text.charAt(to)) || text.charAt(to) == '-';
            return text.charAt(from) == '-' ? spaceBefore && spaceAfter : spaceBefore || spaceAfter;
        }

        /** "doesn't", "isn't", "can't": the word before loses its n and a "not" follows. */
        private boolean isNegatingApostrophe(int at) {
            return word.length() > 1 && word.charAt(word.length() - 1) == 'n' && at < text.length()
                    && Character.toLowerCase(text.charAt(at)) == 't'
                    && (at + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(at + 1)));
        }

        private void endWord() {
            if (word.length() == 0) {
                return;
            }
            String w = word.toString();
            word.setLength(0);
            if (CONTRASTIVE.contains(w)) {
                newClause(wordStart);
            } else if (PHRASE_LEADS.contains(w)) {
                newPhrase();
            }
            add(Stemmer.stem(w), false, wordStart, wordEnd);
        }

        private boolean previousIs(String key) {
            return !tokens.isEmpty() && tokens.get(tokens.size() - 1).key.equals(key);
        }

        private void add(String key, boolean han, int from, int to) {
            tokens.add(new Token(key, han, from, to, clause, phrase));
            clauseHasTokens = true;
            phraseHasTokens = true;
        }

        /** Ends the clause; the next one starts at {@code at} in the original text. */
        private void newClause(int at) {
            if (clauseHasTokens) {
                clause++;
                clauseHasTokens = false;
                clauseStarts.add(at);
            } else {
                clauseStarts.set(clauseStarts.size() - 1, at);
            }
            newPhrase();
        }

        private void newPhrase() {
            if (phraseHasTokens) {
                phrase++;
                phraseHasTokens = false;
            }
        }

        /** A full stop ends a clause only when a space, a line break or the end follows ("node.js" stays whole). */
        private boolean isClauseEnd(int cp, int next) {
            return switch (cp) {
                case '。', '!', '?', ';', '\n', '！', '？', '；', '…' -> true;
                case '.' -> next >= text.length() || Character.isWhitespace(text.charAt(next));
                default -> false;
            };
        }

        private static boolean isPhraseEnd(int cp) {
            return switch (cp) {
                case ',', '、', '[', ']', '，', '：', '（', '）', '「', '」', '—' -> true;
                default -> false;
            };
        }

        private static boolean isWordChar(int cp) {
            if (cp < 0x80) {
                return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
            }
            return Character.isLetterOrDigit(cp) && !isHan(cp);
        }

        private static String fold(int cp) {
            if (cp < 0x80) {
                return ASCII[Character.toLowerCase(cp)];
            }
            if (cp >= COMMON_HAN_FIRST && cp <= COMMON_HAN_LAST) {
                return hanKey(cp);
            }
            if (cp < FOLDED.length) {
                String known = FOLDED[cp];
                if (known == null) {
                    known = normalized(cp);
                    FOLDED[cp] = known;
                }
                return known;
            }
            return normalized(cp);
        }

        private static String normalized(int cp) {
            return Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        }
    }
}
