package coach.bench;

import java.util.ArrayList;
import java.util.List;

/** Lays figures out as a Markdown table whose columns line up in a terminal too. */
public final class Table {

    private static final List<String> HEADER = List.of("figure", "value", "target", "verdict");

    private Table() {
    }

    public static String format(List<Figure> figures) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        figures.forEach(f -> rows.add(List.of(f.name(), f.value(), f.target(), f.verdict())));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, rows.get(0), widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.subList(1, rows.size()).forEach(row -> line(out, row, widths));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        out.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        out.append('\n');
    }
}
