package dev.quiver.json;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import java.util.ArrayList;
import java.util.List;

/** The nested part of the type string grammar: list, struct, map, dictionary, union, run-end encoded. */
final class NestedTypes {
  private NestedTypes() {}

  static Field parse(TypeStringParser p, String word, int start) {
    switch (word) {
      case "list":
        return oneChild(p, ArrowType.LIST);
      case "large_list":
        return oneChild(p, ArrowType.LARGE_LIST);
      case "list_view":
        return oneChild(p, ArrowType.LIST_VIEW);
      case "large_list_view":
        return oneChild(p, ArrowType.LARGE_LIST_VIEW);
      case "fixed_size_list":
        return fixedSizeList(p);
      case "struct":
        return struct(p);
      case "map":
        return map(p);
      case "dictionary":
        return dictionary(p);
      case "dense_union":
      case "sparse_union":
        return union(p, word.equals("dense_union") ? ArrowType.UnionMode.DENSE : ArrowType.UnionMode.SPARSE);
      case "run_end_encoded":
        return runEndEncoded(p);
      default:
        throw p.errorAt(start, "unknown type \"" + word + "\"");
    }
  }

  private static Field node(ArrowType t, List<Field> children) {
    return new Field("", true, t, null, children, null);
  }

  private static boolean bare(TypeStringParser p) {
    p.skipSpaces();
    if (p.peek() == '<') {
      return false;
    }
    if (!p.bareAllowed()) {
      throw p.error("expected '<' (a nested type needs its children, e.g. list<item: int64>)");
    }
    p.markBare();
    return true;
  }

  private static Field oneChild(TypeStringParser p, ArrowType t) {
    if (bare(p)) {
      return node(t, List.of());
    }
    p.expect('<');
    Field item = p.child("item");
    p.expect('>');
    return node(t, List.of(item));
  }

  private static Field fixedSizeList(TypeStringParser p) {
    p.skipSpaces();
    if (p.peek() == '[' && p.bareAllowed()) {
      p.markBare();
      return node(new ArrowType.FixedSizeList(p.bracketInt(0)), List.of());
    }
    p.expect('<');
    Field item = p.child("item");
    p.expect('>');
    return node(new ArrowType.FixedSizeList(p.bracketInt(0)), List.of(item));
  }

  private static Field struct(TypeStringParser p) {
    if (bare(p)) {
      return node(ArrowType.STRUCT, List.of());
    }
    p.expect('<');
    List<Field> children = new ArrayList<>();
    if (!p.tryConsume('>')) {
      do {
        children.add(p.child(""));
      } while (p.tryConsume(','));
      p.expect('>');
    }
    return node(ArrowType.STRUCT, children);
  }

  private static Field map(TypeStringParser p) {
    if (bare(p)) {
      return node(new ArrowType.Map(false), List.of());
    }
    p.expect('<');
    Field key = p.child("key");
    p.expect(',');
    Field value = p.child("value");
    boolean sorted = false;
    if (p.tryConsume(',')) {
      p.expectWord("keys_sorted");
      sorted = true;
    }
    p.expect('>');
    Field k = new Field("key", false, key.type(), key.dictionary(), key.children(), null);
    Field v = new Field("value", value.nullable(), value.type(), value.dictionary(), value.children(), null);
    Field entries = new Field("entries", false, ArrowType.STRUCT, null, List.of(k, v), null);
    return node(new ArrowType.Map(sorted), List.of(entries));
  }

  private static Field dictionary(TypeStringParser p) {
    p.expect('<');
    p.expectWord("values");
    p.expect('=');
    Field values = p.typeField();
    p.expect(',');
    p.expectWord("indices");
    p.expect('=');
    int indicesAt = p.position();
    Field indices = p.typeField();
    if (!(indices.type() instanceof ArrowType.Int) || indices.type().isNested()) {
      throw p.errorAt(indicesAt, "dictionary indices must be an integer type");
    }
    boolean ordered = false;
    if (p.tryConsume(',')) {
      p.expectWord("ordered");
      p.expect('=');
      ordered = p.integer() != 0;
    }
    p.expect('>');
    if (values.isDictionaryEncoded()) {
      throw p.error("dictionary values cannot themselves be dictionary-encoded");
    }
    return TypeStringParser.withDictionary(values, (ArrowType.Int) indices.type(), ordered);
  }

  private static Field union(TypeStringParser p, ArrowType.UnionMode mode) {
    if (bare(p)) {
      return node(new ArrowType.Union(mode, List.of()), List.of());
    }
    p.expect('<');
    List<Field> children = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    if (!p.tryConsume('>')) {
      do {
        children.add(p.child(""));
        ids.add(p.tryConsume('=') ? p.integer() : ids.size());
      } while (p.tryConsume(','));
      p.expect('>');
    }
    return node(new ArrowType.Union(mode, ids), children);
  }

  private static Field runEndEncoded(TypeStringParser p) {
    if (bare(p)) {
      return node(ArrowType.RUN_END_ENCODED, List.of());
    }
    p.expect('<');
    Field runEnds = p.child("run_ends");
    p.expect(',');
    Field values = p.child("values");
    p.expect('>');
    Field re = new Field("run_ends", false, runEnds.type(), null, List.of(), null);
    return node(ArrowType.RUN_END_ENCODED, List.of(re, values));
  }
}
