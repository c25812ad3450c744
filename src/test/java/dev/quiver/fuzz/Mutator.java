package dev.quiver.fuzz;

import dev.quiver.fuzz.IpcLayout.Kind;
import dev.quiver.fuzz.IpcLayout.Message;
import dev.quiver.fuzz.IpcLayout.Slot;
import dev.quiver.fuzz.Seeds.Seed;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Structure-aware mutations of a valid Arrow stream or file. Each case applies one to three in-place
 * mutations (rewrite a length/offset/count field of the metadata or footer, rewrite a word inside a body
 * buffer, flip bits, set bytes) and at most one length-changing mutation last (truncate, extend, splice or
 * duplicate or drop or swap messages, paste bytes of another input). Deterministic for a given Random.
 */
final class Mutator {
  /** A mutated input and a short description of what was done. */
  record Mutant(byte[] bytes, boolean file, String description) {}

  private static final long[] INTERESTING = {0, 1, -1, 2, 7, 8, 9, 16, 63, 64, 127, 128, 255, 256, 4096,
      0x7FFF, 0x8000, 0xFFFF, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFFFFFFL, 1L << 31, 1L << 32,
      1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE - 7L, Integer.MAX_VALUE - 63L};

  private final Random random;
  private final List<Seed> seeds;

  Mutator(Random random, List<Seed> seeds) {
    this.random = random;
    this.seeds = seeds;
  }

  Mutant mutate(Seed seed) {
    byte[] bytes = seed.bytes().clone();
    StringBuilder what = new StringBuilder(seed.name()).append(seed.file() ? " file:" : " stream:");
    int inPlace = random.nextInt(4); // 0..3 in-place mutations
    boolean resize = inPlace == 0 || random.nextInt(4) == 0;
    for (int k = 0; k < inPlace; k++) {
      int op = random.nextInt(16);
      if (op < 7) {
        rewriteSlot(seed, bytes, what);
      } else if (op < 12) {
        rewriteBufferWord(seed, bytes, what);
      } else if (op < 14) {
        flipBits(bytes, what);
      } else {
        setByte(bytes, what);
      }
    }
    if (resize) {
      bytes = resize(seed, bytes, what);
    }
    return new Mutant(bytes, seed.file(), what.toString());
  }

  // --- in place ---

  private void rewriteSlot(Seed seed, byte[] bytes, StringBuilder what) {
    List<Slot> slots = seed.layout().slots;
    if (slots.isEmpty()) {
      flipBits(bytes, what);
      return;
    }
    Slot slot = slots.get(random.nextInt(slots.size()));
    long old = IpcLayout.read(bytes, slot);
    long value = valueFor(seed, slot, old);
    IpcLayout.write(bytes, slot.position(), slot.width(), value);
    what.append(" slot ").append(slot.kind()).append('@').append(slot.position()).append(' ').append(old)
        .append("->").append(value);
  }

  private long valueFor(Seed seed, Slot slot, long old) {
    int choice = random.nextInt(10);
    if (choice < 3) {
      return INTERESTING[random.nextInt(INTERESTING.length)];
    } else if (choice < 6) {
      int[] deltas = {1, -1, 8, -8, 16, -16, 4, -4};
      return old + deltas[random.nextInt(deltas.length)];
    } else if (choice < 7) {
      return old * 2 + random.nextInt(2);
    } else if (choice < 8) {
      // a value of another slot of the same kind (e.g. swap two buffer offsets)
      List<Slot> slots = seed.layout().slots;
      for (int tries = 0; tries < 8; tries++) {
        Slot other = slots.get(random.nextInt(slots.size()));
        if (other.kind() == slot.kind()) {
          return IpcLayout.read(seed.bytes(), other);
        }
      }
      return old + 1;
    } else if (choice < 9) {
      return slot.kind() == Kind.BUFFER_OFFSET || slot.kind() == Kind.BUFFER_LENGTH
          || slot.kind() == Kind.BLOCK_OFFSET ? random.nextInt(seed.bytes().length + 64) & ~7 : random.nextInt(300);
    }
    return random.nextLong();
  }

  /** Rewrites an aligned word inside one body buffer: offsets, type ids, run ends, view entries, indices. */
  private void rewriteBufferWord(Seed seed, byte[] bytes, StringBuilder what) {
    List<Message> messages = seed.layout().messages;
    if (messages.isEmpty()) {
      setByte(bytes, what);
      return;
    }
    Message m = messages.get(random.nextInt(messages.size()));
    List<IpcLayout.BufferRange> nonEmpty = m.buffers().stream().filter(b -> b.length() > 0).toList();
    if (nonEmpty.isEmpty()) {
      rewriteSlot(seed, bytes, what);
      return;
    }
    IpcLayout.BufferRange b = nonEmpty.get(random.nextInt(nonEmpty.size()));
    int width = new int[] {1, 2, 4, 4, 4, 8, 8}[random.nextInt(7)];
    int words = b.length() / width;
    if (words == 0) {
      width = 1;
      words = b.length();
    }
    int at = b.start() + width * random.nextInt(words);
    if (at + width > bytes.length) {
      return;
    }
    Slot slot = new Slot(at, width, Kind.OFFSET_FIELD);
    long old = IpcLayout.read(bytes, slot);
    long value = switch (random.nextInt(5)) {
      case 0 -> INTERESTING[random.nextInt(INTERESTING.length)];
      case 1 -> old + (random.nextBoolean() ? 1 : -1);
      case 2 -> old + random.nextInt(64) - 32;
      case 3 -> random.nextInt(130) - 1;
      default -> random.nextLong();
    };
    IpcLayout.write(bytes, at, width, value);
    what.append(" word@").append(at).append('/').append(width).append(' ').append(old).append("->").append(value);
  }

  private void flipBits(byte[] bytes, StringBuilder what) {
    if (bytes.length == 0) {
      return;
    }
    int n = 1 + random.nextInt(3);
    for (int k = 0; k < n; k++) {
      int at = random.nextInt(bytes.length);
      int bit = random.nextInt(8);
      bytes[at] ^= (byte) (1 << bit);
      what.append(" flip@").append(at).append('.').append(bit);
    }
  }

  private void setByte(byte[] bytes, StringBuilder what) {
    if (bytes.length == 0) {
      return;
    }
    int at = random.nextInt(bytes.length);
    byte[] values = {0, (byte) 0xFF, 0x7F, (byte) 0x80, 1, (byte) random.nextInt(256)};
    bytes[at] = values[random.nextInt(values.length)];
    what.append(" byte@").append(at).append('=').append(bytes[at]);
  }

  // --- length-changing ---

  private byte[] resize(Seed seed, byte[] bytes, StringBuilder what) {
    List<Message> messages = seed.layout().messages;
    int op = random.nextInt(10);
    if (op < 2) {
      int cut = random.nextBoolean() || messages.isEmpty() ? random.nextInt(bytes.length + 1)
          : clamp(boundary(messages) + random.nextInt(17) - 8, bytes.length);
      what.append(" truncate@").append(cut);
      return Arrays.copyOf(bytes, cut);
    } else if (op < 3) {
      int extra = 1 + random.nextInt(64);
      byte[] out = Arrays.copyOf(bytes, bytes.length + extra);
      if (random.nextBoolean()) {
        for (int i = bytes.length; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
      }
      what.append(" extend+").append(extra);
      return out;
    } else if (op < 8 && !messages.isEmpty()) {
      return spliceMessages(seed, bytes, what);
    }
    // paste a run of bytes from another input over this one
    Seed other = seeds.get(random.nextInt(seeds.size()));
    int len = 1 + random.nextInt(Math.min(256, other.bytes().length));
    int from = random.nextInt(other.bytes().length - len + 1);
    int to = random.nextInt(Math.max(1, bytes.length - len + 1));
    byte[] out = bytes.length < to + len ? Arrays.copyOf(bytes, to + len) : bytes;
    System.arraycopy(other.bytes(), from, out, to, len);
    what.append(" paste ").append(other.name()).append('[').append(from).append("+").append(len).append("]@")
        .append(to);
    return out;
  }

  private int boundary(List<Message> messages) {
    Message m = messages.get(random.nextInt(messages.size()));
    return switch (random.nextInt(3)) {
      case 0 -> m.start();
      case 1 -> m.bodyStart();
      default -> m.end();
    };
  }

  private static int clamp(int v, int max) {
    return Math.max(0, Math.min(max, v));
  }

  /** Inserts, replaces, drops, duplicates or swaps whole messages, some taken from other inputs. */
  private byte[] spliceMessages(Seed seed, byte[] bytes, StringBuilder what) {
    List<Message> messages = seed.layout().messages;
    Message target = messages.get(random.nextInt(messages.size()));
    byte[] piece;
    int op = random.nextInt(5);
    if (op <= 1) {
      Seed other = seeds.get(random.nextInt(seeds.size()));
      if (other.layout().messages.isEmpty()) {
        return bytes;
      }
      Message m = other.layout().messages.get(random.nextInt(other.layout().messages.size()));
      piece = Arrays.copyOfRange(other.bytes(), m.start(), Math.min(m.end(), other.bytes().length));
      what.append(op == 0 ? " insert " : " replace ").append(other.name()).append(" message@").append(m.start());
    } else if (op == 2) {
      piece = new byte[0];
      what.append(" drop message@").append(target.start());
    } else if (op == 3) {
      piece = Arrays.copyOfRange(bytes, target.start(), Math.min(target.end(), bytes.length));
      op = 0;
      what.append(" duplicate message@").append(target.start());
    } else {
      Message other = messages.get(random.nextInt(messages.size()));
      piece = Arrays.copyOfRange(bytes, other.start(), Math.min(other.end(), bytes.length));
      op = 1;
      what.append(" replace message@").append(target.start()).append(" with message@").append(other.start());
    }
    int end = Math.min(target.end(), bytes.length);
    int cutFrom = target.start();
    int cutTo = op == 0 ? target.start() : end;
    byte[] out = new byte[bytes.length - (cutTo - cutFrom) + piece.length];
    System.arraycopy(bytes, 0, out, 0, cutFrom);
    System.arraycopy(piece, 0, out, cutFrom, piece.length);
    System.arraycopy(bytes, cutTo, out, cutFrom + piece.length, bytes.length - cutTo);
    return out;
  }
}
