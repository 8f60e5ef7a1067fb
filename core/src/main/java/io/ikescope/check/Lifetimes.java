package io.ikescope.check;

/** Both ends' rekey and expiry times of one SA. */
public record Lifetimes(Timing initiator, Timing responder) {
}
