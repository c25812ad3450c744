package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import java.util.List;
import org.apache.arrow.flatbuf.DictionaryBatch;

/** Decodes a DictionaryBatch message (one array of the dictionary's value type) and applies it. */
final class DictionaryBatches {
  private DictionaryBatches() {}

  /** A decoded dictionary batch: its id, whether it is a delta, and its (little-endian) values. */
  record Applied(long id, boolean delta, ArrayData values) {}

  /** Decodes, validates and applies the dictionary batch in {@code m}. */
  static Applied apply(IpcMessage m, Dictionaries dictionaries, boolean allowReplacement, IpcLimits limits,
      boolean bigEndian) {
    String where = m.where();
    DictionaryBatch batch = (DictionaryBatch) MessageDecoder.guard(where,
        () -> m.message().header(new DictionaryBatch()));
    long id = batch.id();
    boolean delta = batch.isDelta();
    String here = where + " (dictionary id " + id + (delta ? ", delta" : "") + ")";
    var data = MessageDecoder.guard(here, batch::data);
    if (data == null) {
      throw new ArrowFormatException(here + ": dictionary batch without data");
    }
    Field valueField = dictionaries.valueField(id, here);
    List<ArrayData> columns = RecordBatchDecoder.decode(data, m.body(), m.message().version(), List.of(valueField),
        dictionaries, here, limits, bigEndian);
    ArrayData values = columns.get(0);
    ArrayValidator.validate(values, here, "dictionary values");
    dictionaries.apply(id, values, delta, allowReplacement, here);
    return new Applied(id, delta, values);
  }
}
