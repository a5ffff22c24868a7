package coach.bank;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Markdown question list into a draft bank: headings become subtopic tags, numbered or bulleted items
 * become questions (so does a paragraph line that starts at the margin), indented lines and code blocks become
 * answer notes of the question above them, and URLs become links.
 */
public final class MarkdownImporter {

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s*(.*)$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)(?:[-*+]|\\d+[.)、])\\s*(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*$");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]>\"'，。]+");

    /** A question found in the list, with its notes and links. */
    public record Draft(String subtopic, String question, List<String> notes, List<String> links) {
        public Draft {
            notes = List.copyOf(notes);
            links = List.copyOf(links);
        }
    }

    /** Parses the Markdown text into drafts, in document order. */
    public List<Draft> parse(String markdown) {
        List<MutableDraft> drafts = new ArrayList<>();
        String subtopic = "";
        MutableDraft current = null;
        StringBuilder code = null;
        for (String line : markdown.split("\\R", -1)) {
            if (FENCE.matcher(line).matches()) {
                if (code == null) {
                    code = new StringBuilder("```\n");
                } else {
                    code.append("```");
                    if (current != null) {
                        current.notes.add(code.toString());
                    }
                    code = null;
                }
                continue;
            }
            if (code != null) {
                code.append(line.stripTrailing()).append('\n');
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                subtopic = heading.group(1).strip();
                current = null;
                continue;
            }
            Matcher item = ITEM.matcher(line);
            boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            if (item.matches() && !(indented && current != null)) {
                current = new MutableDraft(subtopic, item.group(2).strip());
                drafts.add(current);
            } else if (current != null && indented) {
                current.note(item.matches() ? item.group(2).strip() : line.strip());
            } else {
                current = new MutableDraft(subtopic, line.strip());
                drafts.add(current);
            }
        }
        return drafts.stream().filter(d -> !d.question.isBlank()).map(MutableDraft::freeze).toList();
    }

    /** Builds the draft bank file's JSON text for the given topic. */
    public String toBankJson(String topic, List<Draft> drafts) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode bank = json.createObjectNode();
        bank.put("topic", topic);
        bank.putObject("title").put("zh", topic).put("en", topic);
        ArrayNode questions = bank.putArray("questions");
        int n = 0;
        for (Draft draft : drafts) {
            ObjectNode q = questions.addObject();
            q.put("id", String.format(Locale.ROOT, "%s-%03d", topic, ++n));
            q.put("question", draft.question());
            q.put("answer", String.join("\n", draft.notes()));
            q.putArray("keyPoints");
            ArrayNode links = q.putArray("links");
            draft.links().forEach(url -> links.addObject().put("title", url).put("url", url));
            q.put("difficulty", 1);
            ArrayNode tags = q.putArray("tags");
            if (!draft.subtopic().isBlank()) {
                tags.add(draft.subtopic());
            }
        }
        try {
            return json.writeValueAsString(bank) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableDraft {
        private final String subtopic;
        private String question;
        private final List<String> notes = new ArrayList<>();
        private final List<String> links = new ArrayList<>();

        MutableDraft(String subtopic, String text) {
            this.subtopic = subtopic;
            this.question = takeLinks(text);
        }

        void note(String text) {
            String rest = takeLinks(text);
            if (!rest.isBlank()) {
                notes.add(rest);
            }
        }

        private String takeLinks(String text) {
            Matcher m = URL.matcher(text);
            while (m.find()) {
                links.add(m.group());
            }
            return m.replaceAll("").strip();
        }

        Draft freeze() {
            return new Draft(subtopic, question, notes, links);
        }
    }
}
