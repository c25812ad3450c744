package dev.quiver.jsinterop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quiver.interop.ArrowJavaData;
import java.util.Base64;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ViewVarBinaryVector;
import org.apache.arrow.vector.ViewVarCharVector;
import org.apache.arrow.vector.complex.DenseUnionVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Canonical rows (see {@link JsCanonical}) of what arrow-java read, for the types Quiver's test bridge does
 * not convert: sparse and dense unions (of int32, utf8 and float64 children) and the utf8/binary view types.
 * Values come from arrow-java's accessors; union type ids from its type buffer.
 */
final class ArrowJavaCanonical {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ArrowJavaCanonical() {}

  /** [{"length", "rows"}] of every batch. */
  static ArrayNode batches(ArrowJavaData data) {
    ArrayNode out = JSON.arrayNode();
    for (ArrowJavaData.Batch batch : data.batches()) {
      ObjectNode b = out.addObject();
      b.put("length", batch.rowCount());
      ArrayNode rows = b.putArray("rows");
      List<FieldVector> vectors = batch.root().getFieldVectors();
      List<Field> fields = data.schema().getFields();
      for (int r = 0; r < batch.rowCount(); r++) {
        ArrayNode row = rows.addArray();
        for (int c = 0; c < vectors.size(); c++) {
          row.add(value(vectors.get(c), fields.get(c), r));
        }
      }
    }
    return out;
  }

  /**
   * The canonical value of slot i of {@code v}, described by {@code field} from the IPC schema (arrow-java's
   * sparse union vectors report minor-type ordinals as their type ids, not the schema's).
   */
  static JsonNode value(FieldVector v, Field field, int i) {
    if (v instanceof UnionVector u) {
      byte typeId = u.getTypeBuffer().getByte(i);
      return union(typeId, field, u.getChildrenFromFields(), i);
    }
    if (v instanceof DenseUnionVector u) {
      byte typeId = u.getTypeId(i);
      return union(typeId, field, u.getChildrenFromFields(), u.getOffset(i));
    }
    if (v.isNull(i)) {
      return JSON.nullNode();
    }
    if (v instanceof IntVector x) {
      return JSON.numberNode(x.get(i));
    } else if (v instanceof Float8Vector x) {
      return JsCanonical.floatNode(x.get(i));
    } else if (v instanceof VarCharVector x) {
      return JSON.textNode(x.getObject(i).toString());
    } else if (v instanceof ViewVarCharVector x) {
      return JSON.textNode(x.getObject(i).toString());
    } else if (v instanceof ViewVarBinaryVector x) {
      return JSON.textNode(Base64.getEncoder().encodeToString(x.getObject(i)));
    }
    throw new IllegalArgumentException("not handled here: " + v.getField());
  }

  private static JsonNode union(byte typeId, Field field, List<FieldVector> children, int childIndex) {
    int[] ids = ((ArrowType.Union) field.getType()).getTypeIds();
    int child = -1;
    for (int k = 0; k < ids.length; k++) {
      if (ids[k] == typeId) {
        child = k;
      }
    }
    if (child < 0) {
      throw new IllegalStateException("type id " + typeId + " not among " + java.util.Arrays.toString(ids));
    }
    ObjectNode out = JSON.objectNode();
    out.put("typeId", typeId);
    out.set("value", value(children.get(child), field.getChildren().get(child), childIndex));
    return out;
  }
}
