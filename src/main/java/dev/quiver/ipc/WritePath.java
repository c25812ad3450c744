package dev.quiver.ipc;

/**
 * Where an array sits in a batch, for the writers' error messages ("struct.items" or
 * "category&lt;dictionary&gt;"): a parent and a last part, rendered only when a message needs it, so encoding
 * a valid batch builds no strings.
 */
final class WritePath {
  private final WritePath parent;
  private final String separator;
  private final String name;

  private WritePath(WritePath parent, String separator, String name) {
    this.parent = parent;
    this.separator = separator;
    this.name = name;
  }

  /** A top-level column (or any path given as text). */
  static WritePath of(String name) {
    return new WritePath(null, "", name);
  }

  /** The child {@code name} of this path ("parent.name"). */
  WritePath child(String childName) {
    return new WritePath(this, ".", childName);
  }

  /** The values of the dictionary this path's column uses ("path&lt;dictionary&gt;"). */
  WritePath dictionary() {
    return new WritePath(this, "", "<dictionary>");
  }

  @Override
  public String toString() {
    if (parent == null) {
      return name;
    }
    return parent + separator + name;
  }
}
