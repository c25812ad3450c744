package dev.quiver.ipc;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.Field;
import java.util.List;
import org.apache.arrow.flatbuf.DictionaryBatch;

/** Decodes a DictionaryBatch message (one array of the dictionary's value type) and applies it. */
final class DictionaryBatches {
  private DictionaryBatches() {}

  /** Decodes, validates and applies the dictionary batch in {@code m}; returns its id. */
  static long apply(IpcMessage m, Dictionaries dictionaries, boolean allowReplacement) {
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
        dictionaries, here);
    ArrayData values = columns.get(0);
    ArrayValidator.validate(values, here, "dictionary values");
    dictionaries.apply(id, values, delta, allowReplacement, here);
    return id;
  }
}
