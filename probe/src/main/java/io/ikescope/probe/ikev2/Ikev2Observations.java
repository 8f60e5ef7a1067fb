package io.ikescope.probe.ikev2;

import io.ikescope.probe.fingerprint.VendorIdSeen;
import io.ikescope.wire.CertificateRequestPayload;
import io.ikescope.wire.NotifyDetail;
import io.ikescope.wire.NotifyPayload;
import io.ikescope.wire.Payload;
import io.ikescope.wire.VendorIdPayload;
import io.ikescope.wire.registry.Ikev2Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the target's IKE_SA_INIT answers announce (status notifies, vendor IDs, CERTREQ), over every answer of a run. */
final class Ikev2Observations {
    private static final int FRAGMENTATION = (int) Ikev2Registry.NOTIFY_TYPE.valueOf("IKEV2_FRAGMENTATION_SUPPORTED");
    /** Notify types below this one are errors (RFC 7296 3.10.1). */
    private static final int FIRST_STATUS_TYPE = 16384;
    /** Distinct vendor IDs kept; real peers send a few. */
    private static final int MAX_VENDOR_IDS = 16;

    private final Map<Integer, Ikev2Result.NotifySeen> notifies = new LinkedHashMap<>();
    private final Map<String, VendorIdSeen> vendorIds = new LinkedHashMap<>();
    private final List<String> signatureHashes = new ArrayList<>();
    private boolean cookie;
    private boolean certificateRequest;
    private String redirect;
    private List<String> chosenNotifyOrder = List.of();

    void answer(Ikev2Answer a) {
        if (a.kind() == Ikev2Answer.Kind.COOKIE) {
            cookie = true;
        }
        if (a.message() == null) {
            return;
        }
        if (a.kind() == Ikev2Answer.Kind.CHOSEN && chosenNotifyOrder.isEmpty()) {
            List<String> order = new ArrayList<>();
            for (Payload p : a.message().payloads()) {
                if (p instanceof NotifyPayload n) {
                    order.add(Ikev2Registry.NOTIFY_TYPE.describe(n.notifyType()));
                }
            }
            chosenNotifyOrder = List.copyOf(order);
        }
        for (Payload p : a.message().payloads()) {
            if (p instanceof NotifyPayload n) {
                if (n.notifyType() < FIRST_STATUS_TYPE) {
                    continue; // errors answer one offer; the verdicts hold them
                }
                notifies.putIfAbsent(n.notifyType(), new Ikev2Result.NotifySeen(n.notifyType(),
                        Ikev2Registry.NOTIFY_TYPE.describe(n.notifyType())));
                if (n.detail() instanceof NotifyDetail.HashAlgorithms h && signatureHashes.isEmpty()) {
                    h.algorithms().forEach(x -> signatureHashes.add(Ikev2Registry.HASH_ALGORITHM.describe(x)));
                }
                if (n.detail() instanceof NotifyDetail.Redirect r && redirect == null) {
                    redirect = r.gateway();
                }
            } else if (p instanceof VendorIdPayload v && vendorIds.size() < MAX_VENDOR_IDS) {
                VendorIdSeen seen = VendorIdSeen.of(v.data().toArray());
                vendorIds.putIfAbsent(seen.hex(), seen);
            } else if (p instanceof CertificateRequestPayload) {
                certificateRequest = true;
            }
        }
    }

    /** The notifies of the first answer that chose a proposal, in their order. */
    List<String> chosenNotifyOrder() {
        return chosenNotifyOrder;
    }

    boolean cookie() {
        return cookie;
    }

    boolean fragmentation() {
        return notifies.containsKey(FRAGMENTATION);
    }

    List<String> signatureHashes() {
        return List.copyOf(signatureHashes);
    }

    String redirect() {
        return redirect;
    }

    boolean certificateRequest() {
        return certificateRequest;
    }

    List<Ikev2Result.NotifySeen> notifies() {
        return List.copyOf(notifies.values());
    }

    List<VendorIdSeen> vendorIds() {
        return List.copyOf(vendorIds.values());
    }
}
