package org.docport.connectors.sftp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.docport.connectors.ConnectorSettings;
import org.docport.mappings.document.RosterRow;

/**
 * The columns of an insurer's roster files: layout {@value RosterRow#LAYOUT} itself, or the
 * insurer's own layout drawn from it ({@code sftp.columns}: which of its fields, in which order,
 * under which headers). What each field holds is {@link RosterRow}'s, made by the mappings from the
 * insurer's document; this only picks and orders the cells.
 */
final class RosterColumns {

  private final List<String> headers;
  private final int[] fields;
  private final boolean custom;

  private RosterColumns(List<String> headers, int[] fields, boolean custom) {
    this.headers = List.copyOf(headers);
    this.fields = fields;
    this.custom = custom;
  }

  /** The v1 layout itself. */
  static RosterColumns v1() {
    return new RosterColumns(
        RosterRow.COLUMNS, IntStream.range(0, RosterRow.COLUMNS.size()).toArray(), false);
  }

  /** The insurer's layout, or v1 when it names none; the columns must have been checked. */
  static RosterColumns of(List<ConnectorSettings.Sftp.RosterColumn> columns) {
    if (columns == null) {
      return v1();
    }
    return new RosterColumns(
        columns.stream().map(ConnectorSettings.Sftp.RosterColumn::header).toList(),
        columns.stream().mapToInt(c -> RosterRow.COLUMNS.indexOf(c.field())).toArray(),
        true);
  }

  /** What is wrong with an insurer's columns, as {@code sftp.columns...: problem} lines. */
  static List<String> problems(List<ConnectorSettings.Sftp.RosterColumn> columns) {
    if (columns == null) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    Set<String> headers = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      ConnectorSettings.Sftp.RosterColumn c = columns.get(i);
      String at = "sftp.columns[" + i + "]";
      if (c == null || c.header() == null || c.header().isBlank()) {
        problems.add(at + ".header: required");
      } else if (!headers.add(c.header())) {
        problems.add(at + ".header: '" + c.header() + "' is used twice");
      }
      if (c == null || !RosterRow.COLUMNS.contains(c.field())) {
        problems.add(at + ".field: must be one of " + String.join(", ", RosterRow.COLUMNS));
      }
    }
    Set<String> named =
        columns.stream()
            .filter(Objects::nonNull)
            .map(ConnectorSettings.Sftp.RosterColumn::field)
            .collect(Collectors.toSet());
    if (!named.containsAll(RosterRow.REQUIRED)) {
      problems.add(
          "sftp.columns: must include the fields "
              + String.join(", ", RosterRow.REQUIRED)
              + ", without which a reader cannot apply a row");
    }
    return problems;
  }

  /** The header row. */
  List<String> headers() {
    return headers;
  }

  /** Whether this is an insurer's own layout rather than v1 itself. */
  boolean custom() {
    return custom;
  }

  /** The row's cells in this layout. */
  List<String> cells(RosterRow row) {
    if (!custom) {
      return row.values();
    }
    List<String> out = new ArrayList<>(fields.length);
    for (int field : fields) {
      out.add(row.values().get(field));
    }
    return out;
  }
}
