package io.ikescope.session;

import io.ikescope.crypto.DecryptionStatus;
import io.ikescope.wire.EncryptedFragmentPayload;
import io.ikescope.wire.EncryptedPayload;
import io.ikescope.wire.IkeMessage;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.registry.Ikev1Registry;
import io.ikescope.wire.registry.Ikev2Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * What one message shows: its visible payloads (decrypted inner ones in place of their container), their names,
 * its notifies and the length of its encrypted part. Read once per message; every task reads from it.
 */
final class MessageContent {
    private final int version;
    private final List<Payload> visible = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<NotifySeen> notifies = new ArrayList<>();
    private int encryptedLength;

    private MessageContent(int version) {
        this.version = version;
    }

    static MessageContent read(int version, IkeMessage m, DecryptionStatus status) {
        MessageContent c = new MessageContent(version);
        c.walk(m, status);
        return c;
    }

    List<Payload> visible() {
        return visible;
    }

    List<String> names() {
        return names;
    }

    List<NotifySeen> notifies() {
        return notifies;
    }

    int encryptedLength() {
        return encryptedLength;
    }

    /** The first visible payload of a type, or null. */
    <T extends Payload> T first(Class<T> type) {
        for (Payload p : visible) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    /** Every visible payload of a type, in order. */
    <T extends Payload> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Payload p : visible) {
            if (type.isInstance(p)) {
                out.add(type.cast(p));
            }
        }
        return out;
    }

    private void walk(IkeMessage m, DecryptionStatus status) {
        encryptedLength = m.encryptedBody() == null ? 0 : m.encryptedBody().length();
        boolean v1Decrypted = version == 1 && m.header().encryption() && status == DecryptionStatus.OK;
        for (Payload p : m.payloads()) {
            if (p instanceof EncryptedPayload sk) {
                encryptedLength = sk.length();
                if (!sk.inner().isEmpty()) {
                    addAll(sk.inner(), false);
                    continue;
                }
            } else if (p instanceof EncryptedFragmentPayload skf) {
                encryptedLength = skf.length();
                if (!skf.inner().isEmpty()) {
                    addAll(skf.inner(), false);
                    continue;
                }
            }
            add(p, !v1Decrypted);
        }
    }

    private void addAll(List<Payload> payloads, boolean cleartext) {
        for (Payload p : payloads) {
            add(p, cleartext);
        }
    }

    private void add(Payload p, boolean cleartext) {
        visible.add(p);
        String name = (version == 1 ? Ikev1Registry.PAYLOAD_ABBREV : Ikev2Registry.PAYLOAD_ABBREV).name(p.type());
        names.add(name != null ? name : Integer.toString(p.type()));
        if (p instanceof NotifyPayload n) {
            String registryName = (version == 1 ? Ikev1Registry.NOTIFY_TYPE : Ikev2Registry.NOTIFY_TYPE).name(n.notifyType());
            notifies.add(new NotifySeen(n.notifyType(),
                    registryName != null ? registryName : "Unknown (" + n.notifyType() + ")",
                    registryName == null ? null : registryName.replace('-', '_'),
                    n.notifyType() < NotifySeen.FIRST_STATUS_TYPE, n.protocolId(), n.spi().hex(), n.detail(), cleartext));
        }
    }
}
