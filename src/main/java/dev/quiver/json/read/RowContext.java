package dev.quiver.json.read;

import dev.quiver.json.JsonInputException;

/**
 * Where the row being appended came from, for error messages: row index (0-based, counted over the whole
 * input), the line and column its object starts at, and whether the schema was inferred.
 */
public final class RowContext {
  private long row;
  private int line;
  private int column;
  private String inferenceHint = "";

  public void at(long rowIndex, int rowLine, int rowColumn) {
    this.row = rowIndex;
    this.line = rowLine;
    this.column = rowColumn;
  }

  /** Marks the schema as inferred from the first {@code sampleRows} rows (adds a hint to errors). */
  public void inferredFrom(long sampleRows) {
    inferenceHint = "; the schema was inferred from the first " + sampleRows
        + " row(s), send an explicit schema ({\"schema\": ..., \"rows\": [...]}) to override it";
  }

  public long row() {
    return row;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String where(String path) {
    StringBuilder sb = new StringBuilder("row ").append(row);
    if (line > 0) {
      sb.append(" (line ").append(line).append(", column ").append(column).append(')');
    }
    if (path != null && !path.isEmpty()) {
      sb.append(", field \"").append(path).append('"');
    }
    return sb.toString();
  }

  public JsonInputException error(String path, String message) {
    return new JsonInputException(where(path) + ": " + message + inferenceHint);
  }
}
