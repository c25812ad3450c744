package dev.quiver.ipc;

/**
 * Where an array sits in a batch, for the writers' error messages ("struct.items" or
 * "category&lt;dictionary&gt;"): a parent and a last part, rendered only when a message needs it, so encoding
 * a valid batch builds no strings.
 */
final class ColumnPath {
  private final ColumnPath parent;
  private final String separator;
  private final String name;

  private ColumnPath(ColumnPath parent, String separator, String name) {
    this.parent = parent;
    this.separator = separator;
    this.name = name;
  }

  /** A top-level column (or any path given as text). */
  static ColumnPath of(String name) {
    return new ColumnPath(null, "", name);
  }

  /** The child {@code name} of this path ("parent.name"). */
  ColumnPath child(String childName) {
    return new ColumnPath(this, ".", childName);
  }

  /** The values of the dictionary this path's column uses ("path&lt;dictionary&gt;"). */
  ColumnPath dictionary() {
    return new ColumnPath(this, "", "<dictionary>");
  }

  @Override
  public String toString() {
    if (parent == null) {
      return name;
    }
    return parent + separator + name;
  }
}
