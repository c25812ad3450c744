package dev.quiver.ipc;

/**
 * How error messages name an array of a batch: {@code column 3 'x'}, then {@code .child} per level
 * ({@code .[i]} for an unnamed child), or a fixed text such as {@code dictionary values}. The text is built
 * only when a message needs it, so decoding and validating a valid batch builds no strings per column.
 */
final class ColumnPath {
  private final ColumnPath parent;
  private final int index;
  private final String name;
  private String text;

  private ColumnPath(ColumnPath parent, int index, String name, String text) {
    this.parent = parent;
    this.index = index;
    this.name = name;
    this.text = text;
  }

  /** Top-level column {@code index} named {@code name}. */
  static ColumnPath column(int index, String name) {
    return new ColumnPath(null, index, name, null);
  }

  /** A path given as text. */
  static ColumnPath of(String text) {
    return new ColumnPath(null, -1, null, text);
  }

  /** Child {@code index} named {@code name} of this array. */
  ColumnPath child(int index, String name) {
    return new ColumnPath(this, index, name, null);
  }

  @Override
  public String toString() {
    if (text == null) {
      text = parent == null
          ? "column " + index + " '" + name + "'"
          : parent + "." + (name.isEmpty() ? "[" + index + "]" : name);
    }
    return text;
  }
}
