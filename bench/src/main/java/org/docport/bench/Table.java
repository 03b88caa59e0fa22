package org.docport.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table with aligned columns. */
final class Table {

  private final String title;
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String title, String... headers) {
    this.title = title;
    this.headers = List.of(headers);
  }

  Table add(Object... cells) {
    rows.add(Arrays.stream(cells).map(Table::text).toList());
    return this;
  }

  String render() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
      }
    }
    StringBuilder out = new StringBuilder(title).append('\n');
    line(out, headers, widths);
    StringBuilder rule = new StringBuilder();
    for (int width : widths) {
      rule.append("-".repeat(width)).append("  ");
    }
    out.append(rule.toString().stripTrailing()).append('\n');
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      // Numbers right-aligned, words left-aligned.
      boolean numeric = widths[i] <= 24 && cell.matches("-?[\\d.,]+( ?[a-zA-Z%/]+)?");
      String padded =
          numeric
              ? " ".repeat(widths[i] - cell.length()) + cell
              : cell + " ".repeat(widths[i] - cell.length());
      line.append(padded).append("  ");
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static String text(Object cell) {
    if (cell instanceof Double d) {
      return String.format("%.1f", d);
    }
    return String.valueOf(cell);
  }
}
