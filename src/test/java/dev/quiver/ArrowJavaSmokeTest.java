package dev.quiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

class ArrowJavaSmokeTest {
  @Test
  void arrowJavaAllocates() {
    try (BufferAllocator a = new RootAllocator(); IntVector v = new IntVector("x", a)) {
      v.allocateNew(3);
      v.set(0, 7);
      v.setValueCount(1);
      assertEquals(7, v.get(0));
    }
  }
}
