package coach.grading;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One way of saying a concept, as tokens, and where it occurs in a text: Latin words whole (never "ring" inside
 * "string"), two adjacent words for one ("roll back" for "rollback"), and at most one Chinese character in three
 * replaced by a homophone (现程 for 线程).
 */
final class Alias {

    /** Where an alias occurs: first and last token, inclusive; sound-alike when a homophone stood in. */
    record Hit(int from, int to, boolean soundAlike) {
        Hit(int from, int to) {
            this(from, to, false);
        }
    }

    private final String[] keys;
    private final boolean[] han;
    private final String[] sounds;
    private final int homophonesAllowed;

    private Alias(Text tokens) {
        this.keys = tokens.keys.clone();
        this.han = tokens.han.clone();
        this.sounds = tokens.sounds.clone();
        int hanCount = 0;
        for (boolean h : han) {
            hanCount += h ? 1 : 0;
        }
        this.homophonesAllowed = hanCount >= 2 ? Math.max(1, hanCount / 3) : 0;
    }

    /** The alias as written and its variants through the lexicon; empty when it has no token at all. */
    static List<Alias> compile(String alias, Lexicon lexicon) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(alias);
        variants.addAll(lexicon.variants(alias));
        List<Alias> compiled = new ArrayList<>();
        for (String variant : variants) {
            Text tokens = Text.of(variant);
            if (tokens.size > 0) {
                compiled.add(new Alias(tokens));
            }
        }
        return compiled;
    }

    /** The first word, which {@link CompiledQuestion} looks answers' tokens up by. */
    String firstKey() {
        return keys[0];
    }

    /** The sound of the first character, when a homophone may stand in for it. */
    Optional<String> firstSoundAlike() {
        return han[0] && homophonesAllowed > 0 && sounds[0] != null ? Optional.of(sounds[0]) : Optional.empty();
    }

    static final int MAX_GAP = 2;

    /** Where alias word {@code j} can be found from {@code q}: at q, or after a few function words that are not it. */
    private int skipFunctionWords(Text text, int q, int j) {
        int at = q;
        for (int gap = 0; gap < MAX_GAP && at < text.size && !text.keys[at].equals(keys[j])
                && Cues.isFunctionWord(text, at) && !Cues.isNegation(text, at); gap++) {
            at++;
        }
        return at < text.size && matches(text, at, j) ? at : q;
    }

    private boolean matches(Text text, int at, int j) {
        return text.keys[at].equals(keys[j])
                || han[j] && text.han[at] && sounds[j] != null && sounds[j].equals(text.sounds[at]);
    }

    /**
     * The match starting at {@code p}, or null. Between two words of the alias, up to
     * {@value #MAX_GAP} function words of the answer may stand ("used for the longest" for "used longest",
     * "双向的链表" for "双向链表"), but not around a sound-alike: "下线了再删" is no typo of "先删".
     */
    Hit matchAt(Text text, int p) {
        int q = p;
        int homophones = 0;
        boolean gaps = false;
        for (int j = 0; j < keys.length; j++) {
            if (j > 0) {
                int next = skipFunctionWords(text, q, j);
                gaps |= next != q;
                q = next;
            }
            if (q >= text.size || text.clause[q] != text.clause[p]) {
                return null;
            }
            if (text.keys[q].equals(keys[j])) {
                q++;
            } else if (han[j] && text.han[q] && sounds[j] != null && sounds[j].equals(text.sounds[q])
                    && homophones < homophonesAllowed && !Cues.formsCommonWord(text, q)) {
                homophones++;
                q++;
            } else if (!han[j] && q + 1 < text.size && !text.han[q] && !text.han[q + 1]
                    && text.clause[q + 1] == text.clause[p] && keys[j].equals(text.keys[q] + text.keys[q + 1])) {
                q += 2;
            } else {
                return null;
            }
        }
        return homophones > 0 && gaps ? null : new Hit(p, q - 1, homophones > 0);
    }
}
