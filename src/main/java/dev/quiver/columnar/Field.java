package dev.quiver.columnar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named column or child of the Arrow schema. For a dictionary-encoded field, {@code type} and
 * {@code children} describe the dictionary's values and {@code dictionary} the encoding. Metadata keeps the
 * order of its keys; it is never null.
 */
public record Field(
    String name,
    boolean nullable,
    ArrowType type,
    DictionaryEncoding dictionary,
    List<Field> children,
    Map<String, String> metadata) {

  public Field {
    name = name == null ? "" : name;
    Objects.requireNonNull(type, "type");
    children = List.copyOf(children);
    metadata = metadata == null || metadata.isEmpty()
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  public static Field of(String name, ArrowType type, boolean nullable, Field... children) {
    return new Field(name, nullable, type, null, List.of(children), Map.of());
  }

  public boolean isDictionaryEncoded() {
    return dictionary != null;
  }

  /** The field describing the dictionary's values: this field without its dictionary encoding. */
  public Field valueField() {
    return dictionary == null ? this : new Field(name, nullable, type, null, children, metadata);
  }

  public Field withName(String newName) {
    return new Field(newName, nullable, type, dictionary, children, metadata);
  }

  public Field withMetadata(Map<String, String> newMetadata) {
    return new Field(name, nullable, type, dictionary, children, newMetadata);
  }

  public Field child(int i) {
    return children.get(i);
  }
}
