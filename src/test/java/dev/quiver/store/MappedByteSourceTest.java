package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedByteSourceTest {
  @TempDir
  Path dir;

  @Test
  void slicesAreLittleEndianViews() throws Exception {
    Path file = dir.resolve("f");
    byte[] bytes = new byte[64];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    Files.write(file, bytes);
    try (MappedByteSource source = MappedByteSource.open(file)) {
      assertThat(source.size()).isEqualTo(64);
      ByteBuffer slice = source.slice(8, 16);
      assertThat(slice.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
      assertThat(slice.remaining()).isEqualTo(16);
      assertThat(slice.getInt(0)).isEqualTo(0x0b0a0908);
      assertThat(slice.isReadOnly()).isTrue();
      assertThat(source.slice(64, 0).remaining()).isZero();
    }
  }

  @Test
  void outOfRangeSlicesAreRefused() throws Exception {
    Path file = dir.resolve("f");
    Files.write(file, new byte[10]);
    try (MappedByteSource source = MappedByteSource.open(file)) {
      assertThatThrownBy(() -> source.slice(8, 3)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> source.slice(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> source.slice(0, -1)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> source.slice(Long.MAX_VALUE, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void largeFilesAreMappedPerRegion() throws Exception {
    Path file = dir.resolve("large");
    byte[] bytes = new byte[10_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 7);
    }
    Files.write(file, bytes);
    try (MappedByteSource source = MappedByteSource.open(file, 4096)) {
      assertThat(source.size()).isEqualTo(10_000);
      ByteBuffer region = source.slice(5001, 3000);
      assertThat(region.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
      for (int i = 0; i < 3000; i++) {
        assertThat(region.get(i)).isEqualTo(bytes[5001 + i]);
      }
      assertThatThrownBy(() -> source.slice(9000, 1001)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void emptyFile() throws Exception {
    Path file = dir.resolve("empty");
    Files.write(file, new byte[0]);
    try (MappedByteSource source = MappedByteSource.open(file)) {
      assertThat(source.size()).isZero();
    }
  }
}
