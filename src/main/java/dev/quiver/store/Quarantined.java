package dev.quiver.store;

import java.time.Instant;

/**
 * A stored file that failed validation and was moved to {@code <dir>/quarantine/} (or, when the store
 * cannot write, only withdrawn). It is never served again; moving it back into the store's directory and
 * restarting makes the store check it again.
 *
 * @param id the file's id
 * @param reason why it failed
 * @param when when it was withdrawn
 * @param moved whether the file was moved to the quarantine folder
 */
public record Quarantined(String id, String reason, Instant when, boolean moved) {}
