package io.ikescope.wire;

/** VID (IKEv1 13, IKEv2 43); the vendor is looked up from the data by reports. */
public record VendorIdPayload(PayloadHeader header, Bytes data) implements Payload {
}
