package dev.quiver.ipc;

import static dev.quiver.ipc.ReaderTestMessages.Spec;
import static dev.quiver.ipc.ReaderTestMessages.batch;
import static dev.quiver.ipc.ReaderTestMessages.int32s;
import static dev.quiver.ipc.ReaderTestMessages.utf8Dictionary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrayData;
import dev.quiver.columnar.RecordBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dictionary batches: first definition, delta, replacement (streams), the file rules. */
class DictionaryReaderTest {
  private static final ReaderTestMessages.Msg SCHEMA = ReaderTestMessages.schema(Spec.dict("d", 3));

  /** One batch of the dict column with the given int32 indices, no nulls. */
  private static ReaderTestMessages.Msg indices(int... values) {
    return batch(values.length, new long[][] {{values.length, 0}}, new byte[0], int32s(values));
  }

  private static List<String> values(RecordBatch batch) {
    ArrayData column = batch.column(0);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < column.length(); i++) {
      out.add(ReaderTestSupport.utf8(column.dictionary(), column.buffer(1).getInt(i * 4)));
    }
    return out;
  }

  private static List<List<String>> readStream(byte[] bytes) {
    List<List<String>> out = new ArrayList<>();
    try (StreamReader reader = ReaderTestSupport.streamReader(bytes)) {
      while (reader.hasNext()) {
        out.add(values(reader.next()));
      }
    }
    return out;
  }

  @Test
  void streamDeltaAppendsAndReplacementReplaces() {
    byte[] stream = ReaderTestMessages.stream(SCHEMA,
        utf8Dictionary(3, false, "a", "b"), indices(0, 1),
        utf8Dictionary(3, true, "c"), indices(2, 0),
        utf8Dictionary(3, false, "x", "y"), indices(1, 0));
    assertThat(readStream(stream)).containsExactly(List.of("a", "b"), List.of("c", "a"), List.of("y", "x"));
  }

  @Test
  void unchangedDictionaryIsTheSameObject() {
    byte[] stream = ReaderTestMessages.stream(SCHEMA, utf8Dictionary(3, false, "a"), indices(0), indices(0, 0));
    try (StreamReader reader = ReaderTestSupport.streamReader(stream)) {
      ArrayData first = reader.next().column(0).dictionary();
      assertThat(reader.next().column(0).dictionary()).isSameAs(first);
    }
  }

  @Test
  void fileAppliesDeltasInFooterOrder() {
    byte[] file = ReaderTestMessages.file(SCHEMA,
        List.of(utf8Dictionary(3, false, "a", "b"), utf8Dictionary(3, true, "c"), utf8Dictionary(3, true, "d")),
        List.of(indices(3, 2, 1, 0)));
    FileReader reader = ReaderTestSupport.fileReader(file);
    assertThat(values(reader.readBatch(0))).containsExactly("d", "c", "b", "a");
    byte[] stream = FileReaderTest.stream(reader.streamPrefix(), reader.batchMessage(0));
    assertThat(readStream(stream)).containsExactly(List.of("d", "c", "b", "a"));
  }

  @Test
  void replacementInFileIsRejected() {
    byte[] file = ReaderTestMessages.file(SCHEMA,
        List.of(utf8Dictionary(3, false, "a"), utf8Dictionary(3, false, "b")), List.of(indices(0)));
    assertThatThrownBy(() -> ReaderTestSupport.fileReader(file)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("dictionary block 1").hasMessageContaining("replaced");
  }

  @Test
  void missingDictionaryIsRejected() {
    byte[] stream = ReaderTestMessages.stream(SCHEMA, indices(0), utf8Dictionary(3, false, "a"));
    assertThatThrownBy(() -> readStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("column 0 'd'").hasMessageContaining("dictionary id 3 is not defined");
  }

  @Test
  void deltaBeforeDefinitionIsRejected() {
    byte[] stream = ReaderTestMessages.stream(SCHEMA, utf8Dictionary(3, true, "a"), indices(0));
    assertThatThrownBy(() -> readStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("before its first definition");
  }

  @Test
  void unknownDictionaryIdIsRejected() {
    byte[] stream = ReaderTestMessages.stream(SCHEMA, utf8Dictionary(4, false, "a"), indices(0));
    assertThatThrownBy(() -> readStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("message 1 at byte").hasMessageContaining("id 4");
  }

  @Test
  void indexOutOfRangeIsRejected() {
    byte[] stream = ReaderTestMessages.stream(SCHEMA, utf8Dictionary(3, false, "a", "b"), indices(0, 2));
    assertThatThrownBy(() -> readStream(stream)).isInstanceOf(ArrowFormatException.class)
        .hasMessageContaining("row 1: dictionary index 2 out of range [0, 2)");
  }

  @Test
  void nullIndexMayHoldAnyValue() {
    byte[] validity = {0b01};
    ReaderTestMessages.Msg batch = batch(2, new long[][] {{2, 1}}, validity, int32s(0, 99));
    byte[] stream = ReaderTestMessages.stream(SCHEMA, utf8Dictionary(3, false, "a"), batch);
    try (StreamReader reader = ReaderTestSupport.streamReader(stream)) {
      RecordBatch b = reader.next();
      assertThat(b.column(0).isNull(1)).isTrue();
      assertThat(b.column(0).nullCount()).isEqualTo(1);
    }
  }
}
