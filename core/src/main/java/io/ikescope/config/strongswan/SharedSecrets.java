package io.ikescope.config.strongswan;

import io.ikescope.config.Origin;
import io.ikescope.config.PskDigest;
import io.ikescope.config.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * The IKE pre-shared keys of one configuration (swanctl.conf {@code secrets.ike*}, ipsec.secrets PSK lines), each
 * with its owner identities, reduced to digests. The key for a pair of IDs is chosen as credential_manager.c
 * get_shared (5.9) does: of the secrets whose owners match the local or the remote ID, the best remote match wins,
 * then the best local match, the first on a tie; a secret without owners belongs to %any (vici_cred.c).
 */
final class SharedSecrets {

    record Secret(List<String> owners, PskDigest digest, Origin origin) {
        @Override
        public String toString() {
            return "secret for " + owners + " (" + origin + ")";
        }
    }

    private final List<Secret> secrets = new ArrayList<>();

    /** {@code owners} as written; none means %any. */
    void add(List<String> owners, PskDigest digest, Origin origin) {
        List<String> canonical = owners.isEmpty() ? List.of(StrongswanIds.ANY)
                : owners.stream().map(StrongswanIds::canonical).toList();
        secrets.add(new Secret(canonical, digest, origin));
    }

    boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** The digest for the two canonical IDs, traced to the secret's line; value null when no secret matches. */
    Setting<PskDigest> lookup(String localId, String remoteId, String implementation) {
        Secret found = null;
        int bestLocal = StrongswanIds.MATCH_NONE;
        int bestRemote = StrongswanIds.MATCH_NONE;
        for (Secret secret : secrets) {
            int local = best(secret, localId);
            int remote = best(secret, remoteId);
            if (local == StrongswanIds.MATCH_NONE && remote == StrongswanIds.MATCH_NONE) {
                continue;
            }
            if (found == null || remote > bestRemote || (remote == bestRemote && local > bestLocal)) {
                found = secret;
                bestLocal = local;
                bestRemote = remote;
            }
        }
        if (found == null) {
            return Setting.byDefault(null, implementation + ": no pre-shared key matches the IDs " + localId
                    + " and " + remoteId);
        }
        return Setting.of(found.digest(), found.origin());
    }

    private static int best(Secret secret, String id) {
        int best = StrongswanIds.MATCH_NONE;
        for (String owner : secret.owners()) {
            best = Math.max(best, StrongswanIds.match(id, owner));
        }
        return best;
    }
}
