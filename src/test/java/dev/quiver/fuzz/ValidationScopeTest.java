package dev.quiver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.columnar.ArrowType;
import dev.quiver.columnar.Field;
import dev.quiver.columnar.LimitExceededException;
import dev.quiver.columnar.Schema;
import dev.quiver.fuzz.IpcLayout.Kind;
import dev.quiver.fuzz.IpcLayout.Message;
import dev.quiver.fuzz.IpcLayout.Slot;
import dev.quiver.fuzz.Seeds.Seed;
import dev.quiver.ipc.ArrowFormatException;
import dev.quiver.ipc.IpcLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One targeted test per item of issue #4's validation scope, each made by a precise edit of a valid input
 * (found through {@link IpcLayout}). Where the exact byte is layout-specific, every candidate word or field
 * is rewritten in turn and one of the resulting errors must name the problem.
 */
class ValidationScopeTest {
  private static Seed seed(String name, boolean file) {
    return Seeds.all().stream().filter(s -> s.name().equals(name) && s.file() == file).findFirst()
        .orElseThrow(() -> new AssertionError("no seed " + name));
  }

  private static Seed golden(String name, boolean file) {
    Assumptions.assumeTrue(Seeds.goldenPresent(), "golden files not present");
    return seed("golden-1.0.0-littleendian-" + name, file);
  }

  /** The error of reading {@code bytes}, or null when it reads. */
  private static RuntimeException error(byte[] bytes, boolean file) {
    try {
      if (file) {
        FuzzTarget.readFile(bytes, IpcLimits.defaults());
      } else {
        FuzzTarget.readStream(bytes, 0, IpcLimits.defaults());
      }
      return null;
    } catch (ArrowFormatException | LimitExceededException e) {
      return e;
    }
  }

  private static ArrowFormatException formatError(byte[] bytes, boolean file) {
    RuntimeException e = error(bytes, file);
    assertThat(e).as("an ArrowFormatException").isInstanceOf(ArrowFormatException.class);
    return (ArrowFormatException) e;
  }

  private static List<Slot> slots(Seed seed, Kind kind) {
    return seed.layout().slots.stream().filter(s -> s.kind() == kind).toList();
  }

  private static byte[] with(Seed seed, Slot slot, long value) {
    byte[] bytes = seed.bytes().clone();
    IpcLayout.write(bytes, slot.position(), slot.width(), value);
    return bytes;
  }

  /** The first record batch message with a body (the 5-row batch of a sample). */
  private static Message firstBatch(Seed seed) {
    return seed.layout().messages.stream().filter(m -> m.headerType() == 3 && m.bodyLength() > 0).findFirst()
        .orElseThrow();
  }

  private static List<Slot> slotsIn(Seed seed, Message m, Kind kind) {
    return slots(seed, kind).stream()
        .filter(s -> s.position() >= m.metadataStart() && s.position() < m.bodyStart()).toList();
  }

  /** Error messages of every input made by rewriting one field of {@code kind} with {@code value}. */
  private static TreeSet<String> slotErrors(Seed seed, Kind kind, LongUnaryOperator value) {
    TreeSet<String> errors = new TreeSet<>();
    for (Slot s : slots(seed, kind)) {
      RuntimeException e = error(with(seed, s, value.applyAsLong(IpcLayout.read(seed.bytes(), s))), seed.file());
      if (e != null) {
        errors.add(e.getMessage());
      }
    }
    return errors;
  }

  /** Error messages of every input made by setting one aligned word of one body buffer to {@code value}. */
  private static TreeSet<String> wordErrors(Seed seed, int width, long value) {
    TreeSet<String> errors = new TreeSet<>();
    for (Message m : seed.layout().messages) {
      for (IpcLayout.BufferRange b : m.buffers()) {
        for (int at = b.start(); at + width <= b.start() + b.length() && at < b.start() + 64 * width; at += width) {
          byte[] bytes = seed.bytes().clone();
          IpcLayout.write(bytes, at, width, value);
          RuntimeException e = error(bytes, seed.file());
          if (e != null) {
            errors.add(e.getMessage());
          }
        }
      }
    }
    return errors;
  }

  private static void assertSomeError(TreeSet<String> errors, String... fragments) {
    assertThat(errors).as("errors").anySatisfy(message -> {
      for (String fragment : fragments) {
        assertThat(message).contains(fragment);
      }
    });
  }

  // --- message framing and flatbuffers ---

  @Test
  void metadataLengthPastTheInput() {
    Seed s = seed("arrowjava-int32", false);
    Slot prefix = slots(s, Kind.PREFIX_LENGTH).get(0);
    assertThat(formatError(with(s, prefix, s.bytes().length + 64L), false))
        .hasMessageContaining("message 0 at byte 0").hasMessageContaining("truncated metadata");
  }

  @Test
  void bodyLengthPastTheInput() {
    Seed s = seed("arrowjava-int32", false);
    Message m = firstBatch(s);
    Slot bodyLength = slotsIn(s, m, Kind.BODY_LENGTH).get(0);
    assertThat(formatError(with(s, bodyLength, s.bytes().length), false)).hasMessageContaining("truncated body");
  }

  @Test
  void flatbufferOffsetsOutsideTheMetadata() {
    Seed s = seed("arrowjava-int32", false);
    assertSomeError(slotErrors(s, Kind.OFFSET_FIELD, v -> 0x7FFF_FFF0L), "outside the");
    assertSomeError(slotErrors(s, Kind.VECTOR_COUNT, v -> 0x0FFF_FFFFL), "overruns the");
  }

  @Test
  void bufferOutsideTheBody() {
    Seed s = seed("arrowjava-int32", false);
    Message m = firstBatch(s);
    Slot offset = slotsIn(s, m, Kind.BUFFER_OFFSET).get(1);
    assertThat(formatError(with(s, offset, m.bodyLength() + 8L), false))
        .hasMessageContaining("column 0 'value'").hasMessageContaining("outside the " + m.bodyLength() + "-byte body");
  }

  @Test
  void bufferTooShortForItsType() {
    Seed s = seed("arrowjava-int32", false);
    Slot length = slotsIn(s, firstBatch(s), Kind.BUFFER_LENGTH).get(1); // values of column 0, 5 rows
    assertThat(formatError(with(s, length, 8), false))
        .hasMessageContaining("column 0 'value'").hasMessageContaining("values buffer has 8 bytes, needs 20");
  }

  @Test
  void nodeCountsAndNullCounts() {
    Seed s = seed("arrowjava-int32", false);
    assertSomeError(slotErrors(s, Kind.NULL_COUNT, v -> v + 1), "null count");
    assertSomeError(slotErrors(s, Kind.NODE_LENGTH, v -> v + 1), "differs from the batch length");
    assertSomeError(slotErrors(s, Kind.ROW_COUNT, v -> -1), "length out of range");
  }

  // --- array contents ---

  @Test
  void offsetsMonotonicAndInsideTheirData() {
    Seed s = seed("arrowjava-utf8", false);
    assertSomeError(wordErrors(s, 4, 0x7FFF_FF00L), "offsets decrease");
    assertSomeError(wordErrors(s, 4, 0x7FFF_FF00L), "last offset 2147483392 exceeds the data length");
    Seed large = seed("arrowjava-large_utf8", false);
    assertSomeError(wordErrors(large, 8, -5), "offset");
    Seed list = seed("arrowjava-list", false);
    assertSomeError(wordErrors(list, 4, 100_000), "exceeds the child length");
  }

  @Test
  void viewEntriesInsideTheirVariadicBuffers() {
    Seed s = seed("extra-views-ree", false);
    assertSomeError(wordErrors(s, 4, 1 << 20), "column 0 'utf8_view'", "outside data buffer");
    assertSomeError(wordErrors(s, 4, 7), "view buffer index 7 out of [0, 1)");
    assertSomeError(wordErrors(s, 4, 1 << 20), "column 2 'list_view'", "outside the child");
  }

  @Test
  void runEndsStrictlyIncreasingAndCoveringTheLength() {
    Seed s = seed("extra-views-ree", false);
    assertSomeError(wordErrors(s, 4, 0), "column 3 'ree'", "strictly increasing");
    // the last run end cut short
    TreeSet<String> errors = new TreeSet<>();
    for (int end = 1; end < 20; end++) {
      errors.addAll(wordErrors(s, 4, end));
    }
    assertSomeError(errors, "last run end", "is below the length");
  }

  @Test
  void dictionaryIndicesInsideTheDictionary() {
    Seed s = seed("arrowjava-dictionary_utf8", false);
    assertSomeError(wordErrors(s, 4, 1000), "column 0 'value'", "dictionary index 1000 out of range");
    assertSomeError(wordErrors(s, 1, 120), "column 1 'value_not_null'", "dictionary index 120 out of range");
  }

  @Test
  void unionTypeIdsDeclaredAndChildOffsetsInRange() {
    Seed s = golden("union", false);
    assertSomeError(wordErrors(s, 1, 99), "type id 99 is not one of");
    assertSomeError(wordErrors(s, 4, 1000), "offset 1000 outside child");
  }

  @Test
  void fixedSizeWidthsConsistent() {
    Seed list = seed("arrowjava-fixed_size_list", false);
    assertSomeError(slotErrors(list, Kind.NODE_LENGTH, v -> v - 1), "fixed_size_list child has");
    Seed binary = seed("arrowjava-fixed_size_binary", false);
    assertSomeError(slotErrors(binary, Kind.BUFFER_LENGTH, v -> v - 8), "values buffer has");
    assertSomeError(slotErrors(binary, Kind.TYPE_PARAMETER, v -> -4), "byteWidth < 0");
  }

  @Test
  void childrenCountsMatchTheType() {
    assertSomeError(slotErrors(seed("arrowjava-list", false), Kind.VECTOR_COUNT, v -> 0), "needs 1 children, has 0");
    assertSomeError(slotErrors(seed("arrowjava-map", false), Kind.VECTOR_COUNT, v -> 0), "children");
    assertSomeError(slotErrors(seed("arrowjava-struct", false), Kind.VECTOR_COUNT, v -> v - 1),
        "ran out of");
  }

  @Test
  void nestingDepthIsCapped() {
    Field field = Field.of("leaf", ArrowType.INT32, true);
    for (int i = 0; i < 70; i++) {
      field = Field.of("s" + i, ArrowType.STRUCT, true, field);
    }
    byte[] stream = Seeds.writeStream(new Schema(List.of(field), Map.of()), List.of());
    assertThatThrownBy(() -> FuzzTarget.readStream(stream, 0, IpcLimits.defaults()))
        .isInstanceOf(LimitExceededException.class).hasMessageContaining("nesting deeper than 64");
  }

  @Test
  void bufferClaimingATerabyteUncompressedIsALimit() {
    for (String codec : List.of("lz4", "zstd")) {
      Assumptions.assumeTrue(Seeds.goldenPresent(), "golden files not present");
      Seed s = seed("golden-2.0.0-compression-" + codec, false);
      // each compressed buffer starts with its uncompressed length (int64)
      TreeSet<String> errors = new TreeSet<>();
      List<String> kinds = new ArrayList<>();
      for (Message m : s.layout().messages) {
        for (IpcLayout.BufferRange b : m.buffers()) {
          if (b.length() >= 8) {
            byte[] bytes = s.bytes().clone();
            IpcLayout.write(bytes, b.start(), 8, 1L << 40);
            long before = Runtime.getRuntime().totalMemory();
            RuntimeException e = error(bytes, false);
            assertThat(Runtime.getRuntime().totalMemory() - before).isLessThan(1L << 30);
            if (e != null) {
              errors.add(e.getMessage());
              kinds.add(e.getClass().getSimpleName());
            }
          }
        }
      }
      assertThat(kinds).as(codec).contains("LimitExceededException");
      assertSomeError(errors, "1099511627776");
    }
  }

  @Test
  void decimalScaleIsBounded() {
    // found by the fuzzer: a scale of -1107269604 made every value a billion digits long in JSON output
    Seed s = seed("arrowjava-decimal128", false);
    TreeSet<String> errors = new TreeSet<>();
    errors.addAll(slotErrors(s, Kind.TYPE_PARAMETER, v -> -1107269604L));
    errors.addAll(slotErrors(s, Kind.TYPE_PARAMETER, v -> 128));
    assertSomeError(errors, "decimal scale out of [-128, 127]: -1107269604");
    assertSomeError(errors, "decimal scale out of [-128, 127]: 128");
  }

  // --- files ---

  @Test
  void footerBlocksInsideTheFile() {
    Seed s = seed("arrowjava-int32", true);
    Slot offset = slots(s, Kind.BLOCK_OFFSET).get(0);
    assertThat(formatError(with(s, offset, 1L << 40), true)).hasMessageContaining("outside the file");
    Slot body = slots(s, Kind.BLOCK_BODY_LENGTH).get(0);
    assertThat(formatError(with(s, body, 1L << 33), true)).hasMessageContaining("outside the file");
    Slot footerLength = slots(s, Kind.FOOTER_LENGTH).get(0);
    assertThat(formatError(with(s, footerLength, s.bytes().length), true)).hasMessageContaining("footer length");
  }

  @Test
  void footerBlocksPointAtRealMessages() {
    Seed s = seed("arrowjava-dictionary_utf8", true);
    List<Slot> offsets = slots(s, Kind.BLOCK_OFFSET); // dictionaries first, then record batches
    Slot dictionaryBlock = offsets.get(0);
    Slot batchBlock = offsets.get(offsets.size() - 1);
    long batchOffset = IpcLayout.read(s.bytes(), batchBlock);
    // into the middle of the batch's own message
    assertThat(error(with(s, batchBlock, batchOffset + 16), true)).isInstanceOf(ArrowFormatException.class);
    // at the dictionary message: the whole block (offset, metaDataLength, bodyLength) copied
    byte[] atDictionary = s.bytes().clone();
    System.arraycopy(s.bytes(), dictionaryBlock.position(), atDictionary, batchBlock.position(), 24);
    assertThat(formatError(atDictionary, true)).hasMessageContaining("record batch 2")
        .hasMessageContaining("block points to a DictionaryBatch message");
    // a dictionary block at a record batch
    byte[] atBatch = s.bytes().clone();
    System.arraycopy(s.bytes(), batchBlock.position(), atBatch, dictionaryBlock.position(), 24);
    assertThat(formatError(atBatch, true)).hasMessageContaining("dictionary block 0")
        .hasMessageContaining("block points to a RecordBatch message");
  }

  @Test
  void footerSchemaMatchesTheSchemaMessage() {
    Seed s = seed("arrowjava-int32", true);
    Message schemaMessage = s.layout().messages.get(0);
    byte[] bytes = s.bytes().clone();
    byte[] name = "value_not_null".getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(bytes, name, schemaMessage.metadataStart(), schemaMessage.bodyStart());
    assertThat(at).isPositive();
    bytes[at] = 'V'; // same length, still a valid flatbuffer, differs from the footer
    assertThat(formatError(bytes, true)).hasMessageContaining("schema message at byte 8")
        .hasMessageContaining("differs from the footer's schema").hasMessageContaining("column 1 'Value_not_null'");
    // the same edit in the footer only
    byte[] footerOnly = s.bytes().clone();
    int inFooter = indexOf(footerOnly, name, s.layout().footerStart, footerOnly.length);
    footerOnly[inFooter] = 'V';
    assertThat(formatError(footerOnly, true)).hasMessageContaining("differs from the footer's schema");
  }

  @Test
  void fileWithoutASchemaMessageReadsThroughItsFooter() {
    // Arrow JS writes files whose stream part starts with the dictionaries/batches; C++ and arrow-java read them
    Seed s = seed("arrowjava-dictionary_utf8", true);
    Message schemaMessage = s.layout().messages.get(0);
    int cut = schemaMessage.end() - schemaMessage.start();
    byte[] original = s.bytes();
    byte[] bytes = new byte[original.length - cut];
    System.arraycopy(original, 0, bytes, 0, 8);
    System.arraycopy(original, schemaMessage.end(), bytes, 8, original.length - schemaMessage.end());
    for (Slot block : slots(s, Kind.BLOCK_OFFSET)) {
      IpcLayout.write(bytes, block.position() - cut, 8, IpcLayout.read(original, block) - cut);
    }
    dev.quiver.ipc.FileReader reader = dev.quiver.ipc.FileReader.open(
        dev.quiver.ipc.ByteSource.of(java.nio.ByteBuffer.wrap(bytes)), IpcLimits.defaults());
    assertThat(reader.batchCount()).isEqualTo(3);
    assertThat(reader.readBatch(2).length()).isEqualTo(100);
    // the stream served for one batch starts with a schema message made from the footer
    java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
    java.util.List<java.nio.ByteBuffer> parts = new ArrayList<>();
    parts.add(reader.streamPrefix());
    parts.addAll(reader.batchMessage(2));
    for (java.nio.ByteBuffer part : parts) {
      byte[] b = new byte[part.remaining()];
      part.duplicate().get(b);
      stream.writeBytes(b);
    }
    stream.writeBytes(new byte[] {-1, -1, -1, -1, 0, 0, 0, 0});
    FuzzTarget.Read read = FuzzTarget.readStream(stream.toByteArray(), 0, IpcLimits.defaults());
    assertThat(read.schema()).isEqualTo(reader.schema());
    assertThat(read.batches()).singleElement().satisfies(b -> assertThat(b.length()).isEqualTo(100));
  }

  private static int indexOf(byte[] bytes, byte[] what, int from, int to) {
    outer:
    for (int i = from; i + what.length <= to; i++) {
      for (int k = 0; k < what.length; k++) {
        if (bytes[i + k] != what[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // --- limits ---

  @Test
  void limitsAreLimitExceeded() {
    Seed s = seed("arrowjava-all_types", false);
    List<Object> errors = new ArrayList<>();
    for (IpcLimits limits : List.of(new IpcLimits(64, 1 << 30, 64, 10_000), new IpcLimits(1 << 20, 64, 64, 10_000),
        new IpcLimits(1 << 20, 1 << 30, 1, 10_000), new IpcLimits(1 << 20, 1 << 30, 64, 3))) {
      assertThatThrownBy(() -> FuzzTarget.readStream(s.bytes(), 0, limits))
          .as("%s", limits).isInstanceOf(LimitExceededException.class);
    }
    assertThat(errors).isEmpty();
  }
}
