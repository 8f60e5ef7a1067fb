package io.ikescope.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * One decoded IKE message.
 *
 * @param header        null when fewer than 28 bytes were given
 * @param payloads      the cleartext payload chain (IKEv1 with the encryption flag: empty until decrypted)
 * @param errors        problems found while decoding, each naming what and where
 * @param encryptedBody IKEv1 with the encryption flag: the bytes after the header up to the message length; else null
 */
public record IkeMessage(IkeHeader header, List<Payload> payloads, List<String> errors, Bytes encryptedBody) {
    public IkeMessage {
        payloads = List.copyOf(payloads);
        errors = List.copyOf(errors);
    }

    /** 1 or 2 from the header's major version; 0 when there is no header or the version is neither. */
    public int ikeVersion() {
        if (header == null) {
            return 0;
        }
        int major = header.majorVersion();
        return major == 1 || major == 2 ? major : 0;
    }

    /** True when some content is encrypted: an IKEv1 encrypted body or an IKEv2 SK/SKF payload. */
    public boolean hasEncryptedContent() {
        if (encryptedBody != null) {
            return true;
        }
        for (Payload p : payloads) {
            if (p instanceof EncryptedPayload || p instanceof EncryptedFragmentPayload) {
                return true;
            }
        }
        return false;
    }

    /** The same message with other payloads (e.g. an SK payload replaced by one holding its decrypted content) and more errors. */
    public IkeMessage withPayloads(List<Payload> newPayloads, List<String> moreErrors) {
        List<String> all = new ArrayList<>(errors);
        all.addAll(moreErrors);
        return new IkeMessage(header, newPayloads, all, encryptedBody);
    }
}
