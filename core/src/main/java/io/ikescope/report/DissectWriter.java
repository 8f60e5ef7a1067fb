package io.ikescope.report;

import io.ikescope.net.IkeDatagram;
import io.ikescope.wire.IkeMessage;
import java.io.Closeable;
import java.io.IOException;

/** Writes decoded IKE messages for {@code ikescope dissect}, one at a time in capture order. */
public interface DissectWriter extends Closeable {

    /**
     * @param decryption the contract's value: "none", "ok", "failed" or "no_keys"; null lets the writer decide
     *                   between "none" (nothing encrypted) and "no_keys"
     */
    default void write(IkeDatagram datagram, IkeMessage message, String decryption) throws IOException {
        write(datagram, message, decryption, null);
    }

    /**
     * @param decryptionError why decryption failed (integrity, padding, unknown algorithm...), written as
     *                        {@code decryptionError}; null when it did not fail
     */
    void write(IkeDatagram datagram, IkeMessage message, String decryption, String decryptionError) throws IOException;

    /** Flushes and closes the underlying output. */
    @Override
    void close() throws IOException;

    /** The decryption value to write when the caller gave none. */
    static String decryptionOrDefault(IkeMessage message, String decryption) {
        if (decryption != null) {
            return decryption;
        }
        return message.hasEncryptedContent() ? "no_keys" : "none";
    }
}
