package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileIdsTest {
  @Test
  void generatedIdsAreValidAndDistinct() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = FileIds.newId();
      assertThat(id).hasSize(26).matches("[a-z2-7]{26}");
      assertThat(FileIds.isValid(id)).isTrue();
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void theLastCharacterCarriesThreeBits() {
    for (int i = 0; i < 1000; i++) {
      // 128 = 25 * 5 + 3: the last character is one of the 8 values with two zero low bits
      assertThat("aeimquy4").contains(FileIds.newId().substring(25));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "../../etc/passwd", "abcdefghijklmnopqrstuvwxy/", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
      "abcdefghijklmnopqrstuvwxyz0", "abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuvwxy1",
      "abcdefghijklmnopqrstuvwxy.", "abcdefghijklmnopqrstuvwxy\n", "abcdefghijklmnopqrstuvwxy\u00e9",
      "..\\..\\windows", "/abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuvwxyz.arrow"})
  void malformedIdsAreRejected(String id) {
    assertThat(FileIds.isValid(id)).isFalse();
  }

  @Test
  void nullIsRejected() {
    assertThat(FileIds.isValid(null)).isFalse();
  }
}
