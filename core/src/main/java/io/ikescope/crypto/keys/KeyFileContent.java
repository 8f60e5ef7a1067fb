package io.ikescope.crypto.keys;

import io.ikescope.crypto.Ikev1Keys;
import io.ikescope.crypto.Ikev2Keys;
import io.ikescope.wire.Bytes;
import java.util.List;
import java.util.Set;

/**
 * What one key file held, before key sets of several files were merged: what tells the user that she passed
 * the log of another run, or one in which no keys were derived.
 *
 * @param path        the file as given (or as found in a directory given)
 * @param givenAs     the path the user gave: the file itself, or the directory it was found in
 * @param kind        what its content was recognised as
 * @param ikev1       its IKEv1 key sets, in file order
 * @param ikev2       its IKEv2 key sets, in file order
 * @param withoutKeys when it holds no key set, why, starting with the path (a charon log in which no keys were
 *                    derived, one whose log level is too low, a table with only comments); otherwise null
 * @param loggedSas   for a charon log without keys, the IKE SAs it names (null when too many to compare); for
 *                    other files null
 * @param secrets     a charon log's secrets tied to their IKE SA (DH secret, SKEYID, SK_pi/SK_pr), for a pre-shared
 *                    key check; empty for other files
 */
public record KeyFileContent(String path, String givenAs, KeyFileKind kind, List<Ikev1Keys> ikev1,
                             List<Ikev2Keys> ikev2, String withoutKeys, LoggedSas loggedSas,
                             List<LoggedSecrets> secrets) {
    public KeyFileContent {
        ikev1 = List.copyOf(ikev1);
        ikev2 = List.copyOf(ikev2);
        secrets = List.copyOf(secrets);
    }

    /** A file without secrets (every kind but a charon log). */
    public KeyFileContent(String path, String givenAs, KeyFileKind kind, List<Ikev1Keys> ikev1,
                          List<Ikev2Keys> ikev2, String withoutKeys, LoggedSas loggedSas) {
        this(path, givenAs, kind, ikev1, ikev2, withoutKeys, loggedSas, List.of());
    }

    /**
     * The IKE SAs a log names in its IKE SA manager lines.
     *
     * @param named         the first few, as {@code IKEv2 SA X_i Y_r}, for messages
     * @param initiatorSpis every one's initiator SPI (IKEv1: initiator cookie)
     */
    public record LoggedSas(List<String> named, Set<Bytes> initiatorSpis) {
        public LoggedSas {
            named = List.copyOf(named);
            initiatorSpis = Set.copyOf(initiatorSpis);
        }
    }

    public boolean holdsKeys() {
        return !ikev1.isEmpty() || !ikev2.isEmpty();
    }
}
