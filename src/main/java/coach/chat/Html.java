package coach.chat;

/** Building Telegram's HTML: escaping text and turning a bank answer's code fences into pre blocks. */
public final class Html {

    private Html() {
    }

    /** Escapes the three characters Telegram's HTML parse mode requires. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String bold(String text) {
        return "<b>" + escape(text) + "</b>";
    }

    public static String link(String title, String url) {
        return "<a href=\"" + escape(url).replace("\"", "&quot;") + "\">" + escape(title) + "</a>";
    }

    /** Plain text whose lines between ``` fences become a pre block. */
    public static String withCode(String text) {
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                out.append(inCode ? "</pre>\n" : "<pre>");
                inCode = !inCode;
                continue;
            }
            out.append(escape(line)).append('\n');
        }
        if (inCode) {
            out.append("</pre>");
        }
        return out.toString().stripTrailing();
    }

    /** The text a person reads: tags removed and entities decoded. */
    public static String toPlain(String html) {
        return html.replaceAll("<a href=\"([^\"]*)\">([^<]*)</a>", "$2 ($1)")
                .replaceAll("</?(b|i|u|s|code|pre)>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
