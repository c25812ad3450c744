package dev.quiver.columnar;

/**
 * Marks a field as dictionary-encoded: its arrays hold indices of {@code indexType}; the values (of the
 * field's type) live in the dictionary with this {@code id}.
 */
public record DictionaryEncoding(long id, ArrowType.Int indexType, boolean ordered) {
  public DictionaryEncoding {
    if (indexType == null) {
      throw new IllegalArgumentException("indexType == null");
    }
  }
}
