package dev.quiver.json.integration;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.BufferBuilder;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.json.JsonInputException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads one integration-JSON FieldData object ({"name", "count", VALIDITY, DATA, OFFSET, SIZE, TYPE_ID,
 * VIEWS, VARIADIC_DATA_BUFFERS, "children"}, keys in any order) straight from the token stream into an
 * {@link ArrayData} (dictionaries not attached), checking every count, offset and id against the layout.
 */
final class FieldDataReader {
  private final JsonParser p;
  private final String where;

  /** @param where what is being read, for messages ("record batch 3", "dictionary 1") */
  FieldDataReader(JsonParser p, String where) {
    this.p = p;
    this.where = where;
  }

  /** The parts of one FieldData object as read. */
  static final class Parts {
    String name;
    long count = -1;
    ByteBuffer validity;
    int validityCount = -1;
    int nullCount;
    ByteBuffer data;
    Longs dataLengths;
    int dataCount = -1;
    Longs offsets;
    Longs sizes;
    Longs typeIds;
    List<ViewsReader.View> views;
    List<byte[]> variadic;
    List<ArrayData> children;
  }

  /** Reads the FieldData object at the current START_OBJECT token. */
  ArrayData read(Field field, String path) {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw error(path, "expected a FieldData object, found " + DataValues.describe(p.currentToken()));
    }
    Parts parts = new Parts();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      try {
        readMember(field, path, key, value, parts);
      } catch (IllegalArgumentException e) {
        throw error(path, "\"" + key + "\": " + e.getMessage());
      }
    }
    if (parts.count < 0) {
      throw error(path, "FieldData without \"count\"");
    }
    try {
      return ArrayAssembler.assemble(field, path, parts);
    } catch (IllegalArgumentException e) {
      throw new JsonInputException(where + ", field \"" + path + "\": " + e.getMessage(), e);
    }
  }

  private void readMember(Field field, String path, String key, JsonToken value, Parts parts) {
    switch (key) {
      case "name" -> parts.name = DataValues.string(p, value);
      case "count" -> {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
            || p.getIntValue() < 0) {
          throw new IllegalArgumentException("expected a non-negative 32-bit integer");
        }
        parts.count = p.getIntValue();
      }
      case "VALIDITY" -> readValidity(parts);
      case "DATA" -> readData(field, parts);
      case "OFFSET" -> parts.offsets = readLongs(key);
      case "SIZE" -> parts.sizes = readLongs(key);
      case "TYPE_ID" -> parts.typeIds = readLongs(key);
      case "VIEWS" -> parts.views = ViewsReader.views(p, field.type() instanceof ArrowType.Utf8View);
      case "VARIADIC_DATA_BUFFERS" -> parts.variadic = ViewsReader.buffers(p);
      case "children" -> parts.children = readChildren(field, path);
      default -> throw new IllegalArgumentException("unknown FieldData key (expected name, count, VALIDITY,"
          + " DATA, OFFSET, SIZE, TYPE_ID, VIEWS, VARIADIC_DATA_BUFFERS, children)");
    }
  }

  private void expectArray() {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw new IllegalArgumentException("expected an array, found " + DataValues.describe(p.currentToken()));
    }
  }

  private void readValidity(Parts parts) {
    expectArray();
    BufferBuilder bits = new BufferBuilder();
    int n = 0;
    int nulls = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (bit(t, n)) {
        bits.setBit(n);
      } else {
        bits.resize(dev.quiver.columnar.Bits.bytesFor(n + 1L));
        nulls++;
      }
      n++;
    }
    bits.resize(dev.quiver.columnar.Bits.bytesFor(n));
    parts.validity = bits.toByteBuffer();
    parts.validityCount = n;
    parts.nullCount = nulls;
  }

  private boolean bit(JsonToken t, int index) {
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    } else if (t == JsonToken.VALUE_FALSE) {
      return false;
    } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
        && (p.getIntValue() == 0 || p.getIntValue() == 1)) {
      return p.getIntValue() == 1;
    }
    throw new IllegalArgumentException("entry " + index + ": expected 1, 0, true or false, found "
        + DataValues.describe(t));
  }

  private void readData(Field field, Parts parts) {
    expectArray();
    ArrowType t = field.isDictionaryEncoded() ? field.dictionary().indexType() : field.type();
    BufferBuilder out = new BufferBuilder();
    int n = 0;
    JsonToken tok;
    if (t instanceof ArrowType.Bool) {
      while ((tok = p.nextToken()) != JsonToken.END_ARRAY) {
        if (bit(tok, n)) {
          out.setBit(n);
        }
        n++;
      }
      out.resize(dev.quiver.columnar.Bits.bytesFor(n));
    } else {
      DataValues.Decoder decoder;
      try {
        decoder = DataValues.of(t);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("a field of type " + t + " has no DATA");
      }
      boolean varWidth = t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8
          || t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary;
      Longs lengths = varWidth ? new Longs() : null;
      while ((tok = p.nextToken()) != JsonToken.END_ARRAY) {
        int before = out.size();
        try {
          decoder.decode(p, tok, out);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("entry " + n + ": " + e.getMessage());
        }
        if (lengths != null) {
          lengths.add(out.size() - before);
        }
        n++;
      }
      parts.dataLengths = lengths;
    }
    parts.data = out.toByteBuffer();
    parts.dataCount = n;
  }

  private Longs readLongs(String key) {
    expectArray();
    Longs out = new Longs();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      try {
        out.add(DataValues.bigInteger(p, t).longValueExact());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("entry " + out.size() + " is out of the 64-bit range");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("entry " + out.size() + ": " + e.getMessage());
      }
    }
    return out;
  }

  private List<ArrayData> readChildren(Field field, String path) {
    expectArray();
    if (field.isDictionaryEncoded()) {
      throw new IllegalArgumentException("a dictionary-encoded column has no children (its values are in"
          + " \"dictionaries\")");
    }
    List<Field> fields = field.children();
    List<ArrayData> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (out.size() >= fields.size()) {
        throw new IllegalArgumentException("more children than the " + fields.size() + " of the schema");
      }
      Field child = fields.get(out.size());
      out.add(read(child, path + "." + child.name()));
    }
    return out;
  }

  private JsonInputException error(String path, String message) {
    return new JsonInputException(where + ", field \"" + path + "\"" + at() + ": " + message);
  }

  private String at() {
    try {
      TokenStreamLocation loc = p.currentTokenLocation();
      return loc == null || loc.getLineNr() <= 0 ? ""
          : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    } catch (JacksonException | LimitExceededException e) {
      return "";
    }
  }
}
