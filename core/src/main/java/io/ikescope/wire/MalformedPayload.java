package io.ikescope.wire;

/**
 * A payload whose content does not fit its bytes. It keeps the declared type and length; {@code data} is the body
 * as far as it lies inside the buffer; {@code error} is the same text the message lists in its errors.
 *
 * @param partial what could be decoded before the problem (e.g. an SA with its first, sound proposals), or null
 */
public record MalformedPayload(PayloadHeader header, String error, Bytes data, Payload partial) implements Payload {
}
